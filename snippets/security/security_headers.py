"""Security headers with a plain after_request hook, behind one trusted proxy."""

from flask import Flask, request
from werkzeug.middleware.proxy_fix import ProxyFix

app = Flask(__name__)
app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1)  # one proxy sets these


# --8<-- [start:headers]
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; object-src 'none'; "
                               "base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",  # no guessing HTML out of a text/plain body
    "X-Frame-Options": "DENY",            # clickjacking, where CSP 2 frame-ancestors is unknown
    "Referrer-Policy": "strict-origin-when-cross-origin",
}


@app.after_request
def set_security_headers(response):
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)  # a view may set a stricter one
    if request.is_secure:  # HSTS over plain HTTP is ignored by browsers anyway
        response.headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
    return response
# --8<-- [end:headers]


@app.get("/")
def index():
    return {"scheme": request.scheme}
