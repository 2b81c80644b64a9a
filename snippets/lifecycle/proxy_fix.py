"""ProxyFix: trust the X-Forwarded-* headers set by the proxies you actually
have."""

from flask import Flask, request, url_for
from werkzeug.middleware.proxy_fix import ProxyFix

# --8<-- [start:app]
app = Flask(__name__)
# Exactly one proxy (say nginx) sits in front and sets For, Proto and Host.
app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)


@app.get("/whoami")
def whoami():
    return {
        "remote_addr": request.remote_addr,
        "scheme": request.scheme,
        "url": url_for("whoami", _external=True),
    }
# --8<-- [end:app]
