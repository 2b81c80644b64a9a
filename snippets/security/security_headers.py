"""Security headers with a plain after_request hook, behind one proxy."""

from flask import Flask, request
from werkzeug.middleware.proxy_fix import ProxyFix

app = Flask(__name__)
# one proxy sets X-Forwarded-For and X-Forwarded-Proto
app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1)


# --8<-- [start:headers]
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; object-src 'none'; "
                               "base-uri 'none'; frame-ancestors 'none'",
    # no guessing HTML out of a text/plain body
    "X-Content-Type-Options": "nosniff",
    # clickjacking, where CSP 2 frame-ancestors is unknown
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}


@app.after_request
def set_security_headers(response):
    for name, value in SECURITY_HEADERS.items():
        # a view may set a stricter one
        response.headers.setdefault(name, value)
    # HSTS over plain HTTP is ignored by browsers anyway
    if request.is_secure:
        hsts = "max-age=31536000; includeSubDomains"
        response.headers["Strict-Transport-Security"] = hsts
    return response
# --8<-- [end:headers]


@app.get("/")
def index():
    return {"scheme": request.scheme}
