"""Two extensions that touch the same response header and the same error: order
decides.
"""

from flask import Flask, request


# --8<-- [start:extensions]
class PublicCaching:
    """Lets shared caches keep every response for a minute."""

    def init_app(self, app):
        app.after_request(self.add_header)
        app.register_error_handler(404, self.not_found)

    def add_header(self, response):
        response.headers["Cache-Control"] = "public, max-age=60"  # overwrites
        return response

    def not_found(self, error):
        return {"error": "not found", "handled_by": type(self).__name__}, 404


class PrivateAccount:
    """Pages under /account/ must never be stored by a shared cache."""

    def init_app(self, app):
        app.after_request(self.add_header)
        app.register_error_handler(404, self.not_found)

    def add_header(self, response):
        if request.path.startswith("/account/"):
            response.headers["Cache-Control"] = "private, no-store"
        return response

    def not_found(self, error):
        return {"error": "not found", "handled_by": type(self).__name__}, 404


class PoliteCaching(PublicCaching):
    """The fix: only fill the header in when nobody has set it."""

    def add_header(self, response):
        response.headers.setdefault("Cache-Control", "public, max-age=60")
        return response


# --8<-- [end:extensions]


# --8<-- [start:factory]
def create_app(*extensions):
    app = Flask(__name__)
    # the order of init_app calls is the order of registration
    for extension in extensions:
        extension.init_app(app)

    @app.get("/account/")
    def account():
        return {"user": "ada"}

    return app


# --8<-- [end:factory]


def trace():
    lines = []
    for extensions in [
        (PrivateAccount(), PublicCaching()),
        (PublicCaching(), PrivateAccount()),
        (PoliteCaching(), PrivateAccount()),
    ]:
        client = create_app(*extensions).test_client()
        order = " then ".join(type(e).__name__ for e in extensions)
        header = client.get("/account/").headers["Cache-Control"]
        missing = client.get("/nope").json["handled_by"]
        lines.append(f"init_app order: {order}")
        lines.append(f"  GET /account/ -> Cache-Control: {header}")
        lines.append(f"  GET /nope     -> 404 handled by {missing}")
    return "\n".join(lines)
