"""The same headers from flask-talisman 1.1.0, plus its HTTPS redirect."""

from flask import Flask, render_template_string
from flask_talisman import Talisman


# --8<-- [start:talisman]
def create_app():
    app = Flask(__name__)
    app.config["SECRET_KEY"] = "dev-only-never-in-production"
    Talisman(
        app,
        force_https=True,                     # http:// -> 302 to https://
        strict_transport_security=True,       # HSTS, on HTTPS responses only
        content_security_policy={
            "default-src": "'self'",
            "script-src": "'self'",  # must be listed, or the nonce goes nowhere
            "object-src": "'none'",
        },
        # csp_nonce() in templates
        content_security_policy_nonce_in=["script-src"],
        session_cookie_secure=True,
    )

    @app.get("/")
    def index():
        return render_template_string(
            '<script nonce="{{ csp_nonce() }}">console.log("allowed")</script>')

    return app
# --8<-- [end:talisman]


app = create_app()
