"""Rate-limiting a login with Flask-Limiter: per address and per account."""

from flask import Flask, abort, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

from snippets.security import passwords

passwords.register("ada", "correct horse battery staple")

# --8<-- [start:limiter]
app = Flask(__name__)
limiter = Limiter(
    get_remote_address,      # behind a proxy, only correct with ProxyFix
    app=app,
    storage_uri="memory://",  # one process; use Redis when you run several
    headers_enabled=True,     # X-RateLimit-* and Retry-After on responses
)


def failed(response):
    return response.status_code == 401  # only failed attempts use up the budget


@app.post("/login")
# per client address
@limiter.limit("3 per minute", deduct_when=failed)
# per account, from any address
@limiter.limit(
    "5 per hour",
    deduct_when=failed,
    key_func=lambda: "user:" + request.form.get("user", ""),
)
def login():
    user = request.form.get("user", "")
    if not passwords.verify(user, request.form.get("password", "")):
        abort(401)
    return {"user": request.form["user"]}
# --8<-- [end:limiter]
