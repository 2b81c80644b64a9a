"""Flask-CORS 6: an API that a front end on another origin may call, with
cookies.
"""

from flask import Flask
from flask_cors import CORS


# --8<-- [start:app]
def create_app(origins=("https://app.example.com",), credentials=True):
    app = Flask(__name__)
    CORS(
        app,
        # only the API, only these sites
        resources={r"/api/*": {"origins": list(origins)}},
        methods=["GET", "POST", "DELETE"],
        allow_headers=["Content-Type", "Authorization"],
        # lets the browser send and read cookies
        supports_credentials=credentials,
        max_age=600,  # browsers may reuse a preflight answer for 10 minutes
    )

    @app.get("/api/orders")
    def orders():
        return {"orders": [{"id": 1, "total": 12.5}]}

    @app.delete("/api/orders/<int:order_id>")
    def delete_order(order_id):
        return "", 204

    @app.get("/admin/stats")  # outside /api/*: no CORS headers, ever
    def stats():
        return {"users": 42}

    return app


app = create_app()
# The mistake: every origin, with credentials. Flask-CORS then echoes any Origin
# back.
careless = create_app(origins=["*"])
# --8<-- [end:app]
