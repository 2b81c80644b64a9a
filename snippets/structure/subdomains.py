"""A blueprint served on a subdomain: needs SERVER_NAME and
subdomain_matching=True.
"""

from flask import Blueprint, Flask, request, url_for

# --8<-- [start:subdomain]
admin = Blueprint("admin", __name__, subdomain="admin")


@admin.get("/")
def dashboard():
    return {"host": request.host, "blueprint": request.blueprint}


def create_app(subdomain_matching=True):
    app = Flask(__name__, subdomain_matching=subdomain_matching)
    # subdomains are relative to this
    app.config["SERVER_NAME"] = "example.test"

    @app.get("/")
    def home():  # no subdomain: served on example.test itself
        return {"host": request.host, "admin": url_for("admin.dashboard")}

    app.register_blueprint(admin)
    return app


# --8<-- [end:subdomain]
