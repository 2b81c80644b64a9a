"""Authorisation as view decorators: who are you (401), you may not (403)."""

from functools import wraps

from flask import Flask, abort, g, request
from werkzeug.datastructures import WWWAuthenticate

TOKENS = {  # token -> user; in real life a signed or stored token
    "tok-ada": {"name": "ada", "roles": {"admin"}},
    "tok-bob": {"name": "bob", "roles": set()},
}
INVOICES = {1: {"owner": "ada", "total": 120}, 2: {"owner": "bob", "total": 80}}


# --8<-- [start:decorators]
def login_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        header = request.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        g.user = TOKENS.get(token) if scheme == "Bearer" else None
        if g.user is None:
            # 401: not authenticated; say how to authenticate
            challenge = WWWAuthenticate("Bearer", {"realm": "api"})
            abort(401, www_authenticate=challenge)
        return view(*args, **kwargs)
    return wrapper


def role_required(role):
    def decorator(view):
        @wraps(view)
        @login_required
        def wrapper(*args, **kwargs):
            # 403: we know you, and the answer is no
            if role not in g.user["roles"]:
                abort(403)
            return view(*args, **kwargs)
        return wrapper
    return decorator
# --8<-- [end:decorators]


app = Flask(__name__)


# --8<-- [start:views]
@app.get("/admin/users")  # the route decorator goes on top, always
@role_required("admin")
def list_users():
    return {"users": sorted(u["name"] for u in TOKENS.values())}


@app.get("/invoices/<int:invoice_id>")
@login_required
def invoice(invoice_id):
    found = INVOICES.get(invoice_id)
    if found is None or found["owner"] != g.user["name"]:
        abort(404)  # someone else's invoice: don't even confirm it exists
    return found
# --8<-- [end:views]
