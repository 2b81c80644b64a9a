"""Flask-CORS 6 and HTTP caches: when it sends Vary: Origin, and exposing
response headers.
"""

from flask import Flask, request
from flask_cors import CORS


# --8<-- [start:app]
def create_app(origins=("https://app.example.com",), always_vary=False):
    app = Flask(__name__)
    CORS(
        app,
        resources={r"/api/*": {"origins": list(origins)}},
        # what scripts may read besides the basics
        expose_headers=["Location", "X-Total-Count"],
    )

    @app.get("/api/orders")
    def orders():
        return {"orders": [{"id": 1}]}, {
            "X-Total-Count": "1",
            "Cache-Control": "public, max-age=300",
        }

    @app.post("/api/orders")
    def create_order():
        return {"id": 2}, 201, {"Location": "/api/orders/2"}

    if always_vary:

        @app.after_request
        # every answer under /api/ depends on Origin
        def vary_on_origin(response):
            if request.path.startswith("/api/"):
                response.vary.add("Origin")
            return response

    return app


one_origin = create_app()
two_origins = create_app(
    ("https://app.example.com", "https://admin.example.com")
)
fixed = create_app(always_vary=True)
# --8<-- [end:app]


# --8<-- [start:cache]
def through_a_shared_cache(app, origins):
    """A CDN in miniature: keyed on the URL plus the headers named in Vary."""
    client, stored, lines = app.test_client(), {}, []
    for origin in origins:
        headers = {"Origin": origin}
        entry = stored.get("/api/orders")
        if entry and all(
            headers.get(h) == entry["request"].get(h) for h in entry["vary"]
        ):
            response, source = entry["response"], "cache"
        else:
            response, source = (
                client.get("/api/orders", headers=headers),
                "app  ",
            )
            stored["/api/orders"] = {
                "request": headers,
                "response": response,
                "vary": response.vary,
            }
        allowed = response.headers.get(
            "Access-Control-Allow-Origin", "(none: the browser blocks it)"
        )
        lines.append(f"Origin {origin:25} <- {source} Allow-Origin: {allowed}")
    return "\n".join(lines)


# --8<-- [end:cache]


def poisoned():
    return through_a_shared_cache(
        one_origin, ["https://evil.example", "https://app.example.com"]
    )


def with_vary():
    return through_a_shared_cache(
        fixed,
        [
            "https://evil.example",
            "https://app.example.com",
            "https://app.example.com",
        ],
    )
