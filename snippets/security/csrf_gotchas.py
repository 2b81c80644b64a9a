"""Flask-WTF's CSRF check in production: the token's hour, and the HTTPS
Referer check that Referrer-Policy and a proxy without ProxyFix can break or
silently switch off."""

from flask import Flask, render_template_string, request
from flask_wtf.csrf import CSRFError, CSRFProtect
from werkzeug.middleware.proxy_fix import ProxyFix

FORM = """<form method="post" action="/email">
  <input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
  <input name="email" value="ada@example.com"><button>Save</button>
</form>"""


# --8<-- [start:app]
def create_app(referrer_policy=None, proxy_fix=None):
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY="dev-only-not-secret",
        # the default: a form left open longer fails
        WTF_CSRF_TIME_LIMIT=3600,
        # the default: an HTTPS POST needs a same-origin Referer
        WTF_CSRF_SSL_STRICT=True,
    )
    CSRFProtect(app)
    if proxy_fix:  # e.g. {"x_proto": 1, "x_host": 1} behind one proxy
        app.wsgi_app = ProxyFix(app.wsgi_app, **proxy_fix)

    @app.errorhandler(CSRFError)
    def csrf_failed(error):
        # say which check failed, and what the user can do
        fix = "reload the form and send it again"
        return {"error": error.description, "fix": fix}, 400

    @app.get("/settings")
    def settings():
        return render_template_string(FORM)

    @app.post("/email")
    def change_email():
        return {"email": request.form["email"], "secure": request.is_secure}

    if referrer_policy:
        @app.after_request
        def set_referrer_policy(response):
            response.headers["Referrer-Policy"] = referrer_policy
            return response

    return app
# --8<-- [end:app]


def submit(client, referer=None, **kwargs):
    """GET the form, then POST it back with its token, as a browser would."""
    page = client.get("/settings", **kwargs).text
    token = page.split('name="csrf_token" value="')[1].split('"')[0]
    headers = kwargs.pop("headers", {})
    if referer:
        headers = {**headers, "Referer": referer}
    data = {"csrf_token": token, "email": "ada@example.com"}
    return client.post("/email", data=data, headers=headers, **kwargs)


def https_without_referer():
    client = create_app().test_client()
    response = submit(client, base_url="https://shop.example")
    return f"{response.status_code} {response.json}"
