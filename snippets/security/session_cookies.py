"""A hardened session cookie: a real key; Secure, HttpOnly, SameSite, __Host-"""

import json
import secrets
import zlib

from flask import Flask, request, session
from itsdangerous.encoding import base64_decode


# --8<-- [start:config]
def create_app(config=None):
    app = Flask(__name__)
    app.config.update(
        # the browser enforces Secure, Path=/ and no Domain for __Host-
        SESSION_COOKIE_NAME="__Host-session",
        SESSION_COOKIE_SECURE=True,  # never sent over plain HTTP
        SESSION_COOKIE_HTTPONLY=True,  # hidden from document.cookie (default)
        SESSION_COOKIE_SAMESITE="Lax",  # not sent on cross-site POSTs
    )
    app.config.from_prefixed_env()      # FLASK_SECRET_KEY -> SECRET_KEY
    app.config.update(config or {})
    if not app.config.get("SECRET_KEY"):
        raise RuntimeError(
            "Set FLASK_SECRET_KEY; generate one with "
            "python -c 'import secrets; print(secrets.token_hex(32))'"
        )
    # --8<-- [end:config]

    @app.post("/login")
    def login():
        session.clear()
        session.update(user=request.form["user"], role="member", plan="trial")
        return {"user": session["user"]}

    @app.get("/me")
    def me():
        return {"user": session.get("user")}

    @app.post("/logout")
    def logout():
        session.clear()
        return {"user": None}

    return app


demo_app = create_app({"SECRET_KEY": secrets.token_hex(32)})


# --8<-- [start:read]
def read_without_key(cookie):
    """What anyone holding the cookie can do: no key, just base64 (and zlib)."""
    payload = cookie.lstrip(".").split(".")[0]
    raw = base64_decode(payload)
    return json.loads(zlib.decompress(raw) if cookie.startswith(".") else raw)
# --8<-- [end:read]
