"""UNSAFE: shown to be attacked. A cookie-authenticated "JSON" endpoint that a
plain HTML form on another site can call."""

# =============================================================================
# UNSAFE: shown to be attacked. tests/security/test_csrf.py forges a request to
# this endpoint with a text/plain form, as evil.example could, and in Chromium
# from a page on another site. Do not copy it.
# =============================================================================

from flask import Flask, request, session


def create_app():
    app = Flask(__name__)
    app.config["SECRET_KEY"] = "dev-only-never-in-production"  # SESSION_COOKIE_SAMESITE unset

    @app.route("/login", methods=["GET", "POST"])
    def login():  # a stand-in login form for the browser test
        if request.method == "POST":
            session["user"] = request.form["user"]
            return "logged in"
        return '<form method="post"><input name="user" value="ada"><button>Log in</button></form>'

    # --8<-- [start:api]
    @app.post("/api/email")
    def api_change_email():
        # UNSAFE: authenticated by a cookie...
        user = session.get("user")
        # UNSAFE: ...and any Content-Type accepted
        data = request.get_json(force=True)
        if user is None:
            return {"error": "login required"}, 401
        return {"user": user, "email": data["email"]}
    # --8<-- [end:api]

    return app


app = create_app()
