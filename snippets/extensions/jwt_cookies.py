"""Flask-JWT-Extended 4.7 in cookie mode: the cookie flags, the CSRF cookie, and
its error.
"""

from flask import Flask
from flask_jwt_extended import (
    JWTManager,
    create_access_token,
    create_refresh_token,
    get_jwt_identity,
    jwt_required,
    set_access_cookies,
    set_refresh_cookies,
    unset_jwt_cookies,
)
from flask_jwt_extended.exceptions import CSRFError

# --8<-- [start:setup]
app = Flask(__name__)
app.config.update(
    JWT_SECRET_KEY="demo-only-0123456789abcdef0123456789abcdef",
    # browsers send them; scripts can't read them (HttpOnly)
    JWT_TOKEN_LOCATION=["cookies"],
    # default False: the cookies would travel over plain HTTP
    JWT_COOKIE_SECURE=True,
    JWT_COOKIE_SAMESITE="Lax",  # default None: no SameSite attribute at all
    # the refresh token goes to one URL only
    JWT_REFRESH_COOKIE_PATH="/refresh",
    # the default: double-submit check on POST, PUT, PATCH, DELETE
    JWT_COOKIE_CSRF_PROTECT=True,
)
jwt = JWTManager(app)
# --8<-- [end:setup]


# --8<-- [start:views]
@app.post("/login")
def login():  # the password check is on the JWT page
    response = app.json.response({"logged_in": True})
    # + a csrf_access_token cookie
    set_access_cookies(response, create_access_token("1"))
    # + a csrf_refresh_token cookie
    set_refresh_cookies(response, create_refresh_token("1"))
    return response


@app.get("/me")
@jwt_required()  # a GET needs no CSRF header
def me():
    return {"user_id": get_jwt_identity()}


@app.post("/transfer")
# a POST must repeat the csrf_access_token cookie in X-CSRF-TOKEN
@jwt_required()
def transfer():
    return {"done": True}


@app.post("/logout")
def logout():
    response = app.json.response({"logged_out": True})
    unset_jwt_cookies(response)
    return response


# registered after JWTManager: replaces its "unauthorized" routing
@app.errorhandler(CSRFError)
def csrf_failed(error):
    return {"error": "csrf_failed", "message": str(error)}, 403


# --8<-- [end:views]


# --8<-- [start:flow]
def csrf_flow():
    """What a page's script does: read the readable CSRF cookie, send it back as
    a header.
    """
    client, lines = app.test_client(), []
    client.post("/login")
    # not HttpOnly: JavaScript reads it
    csrf = client.get_cookie("csrf_access_token").value
    for headers in ({}, {"X-CSRF-TOKEN": "guessed"}, {"X-CSRF-TOKEN": csrf}):
        response = client.post("/transfer", headers=headers)
        shown = "X-CSRF-TOKEN: " + (
            "<the cookie's value>"
            if headers.get("X-CSRF-TOKEN") == csrf
            else headers.get("X-CSRF-TOKEN", "(none)")
        )
        status, body = response.status_code, response.json
        lines.append(f"POST /transfer  {shown:34} -> {status} {body}")
    status = client.get("/me").status_code
    lines.append(f"GET  /me        {'(no header needed)':34} -> {status}")
    return "\n".join(lines)


# --8<-- [end:flow]


def cookie_flags():
    """The cookies /login sets, with each value cut to its first characters."""
    lines = []
    for header in (
        app.test_client().post("/login").headers.getlist("Set-Cookie")
    ):
        pair, *attributes = header.split("; ")
        name, value = pair.split("=", 1)
        lines.append(f"{name:22} {value[:8]}...  " + "; ".join(attributes))
    return "\n".join(lines)
