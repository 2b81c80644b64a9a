"""Flask-Login 0.6.3 beyond the basics: API keys, session protection, fresh
logins, cookie flags.
"""

import hashlib
import hmac
from datetime import timedelta

from flask import Flask, request
from flask_login import (
    LoginManager,
    UserMixin,
    current_user,
    fresh_login_required,
    login_required,
    login_user,
)


class User(UserMixin):
    def __init__(self, id, name, api_key):
        self.id, self.name = id, name
        # never the key itself
        self.api_key_hash = hashlib.sha256(api_key.encode()).hexdigest()


USERS = {"1": User("1", "ada", "ak_live_ada_0123456789")}

# --8<-- [start:loaders]
# session_protection="basic"; SESSION_PROTECTION overrides it
login_manager = LoginManager()


@login_manager.user_loader
def load_user(user_id):  # the session, then the remember cookie
    return USERS.get(user_id)


@login_manager.request_loader
def load_user_from_api_key(request):  # only when neither found a user
    key = request.headers.get("X-API-Key", "")
    digest = hashlib.sha256(key.encode()).hexdigest()
    return next(
        (
            u
            for u in USERS.values()
            if key and hmac.compare_digest(u.api_key_hash, digest)
        ),
        None,
    )


# a logged-in user whose login is not fresh
@login_manager.needs_refresh_handler
def ask_for_the_password_again():
    return {
        "error": "reauthentication_required",
        "message": "Confirm your password.",
    }, 401


# --8<-- [end:loaders]


# --8<-- [start:app]
def create_app(**config):
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY="dev only, set a real one from the environment",
        REMEMBER_COOKIE_SECURE=True,  # default False
        REMEMBER_COOKIE_SAMESITE="Lax",  # default None: no attribute
        REMEMBER_COOKIE_HTTPONLY=True,  # the default, kept
    )
    # the tests' SESSION_PROTECTION, LOGIN_DISABLED, ...
    app.config.update(config)
    login_manager.init_app(app)

    @app.post("/login")
    def login():  # the password check is on the Flask-Login page
        remember = request.args.get("remember") == "1"
        # this login's cookie
        login_user(USERS["1"], remember=remember, duration=timedelta(days=7))
        return {"logged_in": current_user.name}

    @app.get("/api/me")
    @login_required  # a session, a remember cookie or an API key
    def me():
        return {"name": current_user.name}

    @app.post("/account/email")
    # a password typed in this session, not a remember cookie
    @fresh_login_required
    def change_email():
        return {"changed": True}

    @app.get("/report")
    @login_required
    def report():  # with LOGIN_DISABLED, current_user is anonymous here
        return {"for": getattr(current_user, "name", None)}

    return app


# --8<-- [end:app]


# --8<-- [start:walkthrough]
def visits(mode):
    """Log in from one address, then come back from another.

    Then come back with only the remember cookie.
    """
    app, lines = create_app(SESSION_PROTECTION=mode), []

    def show(label, client, method, path, address="10.0.0.1"):
        response = client.open(
            path, method=method, environ_base={"REMOTE_ADDR": address}
        )
        why = (
            (response.json or {}).get("error", "")
            if response.is_json
            else "not logged in"
        )
        status = response.status_code
        line = f"{label:32} {method:4} {path:14} -> {status} {why}"
        lines.append(line.rstrip())

    browser = app.test_client()
    show(
        "log in (remember me) at 10.0.0.1", browser, "POST", "/login?remember=1"
    )
    remember = browser.get_cookie("remember_token").value
    show("same browser, same address", browser, "POST", "/account/email")
    show(
        "same cookies from 10.9.9.9",
        browser,
        "POST",
        "/account/email",
        "10.9.9.9",
    )
    show("then back at 10.0.0.1", browser, "GET", "/api/me")
    # the browser was closed: only the remember cookie is left
    reopened = app.test_client()
    reopened.set_cookie("remember_token", remember)
    show("reopened, remember cookie only", reopened, "GET", "/api/me")
    show("reopened, next request", reopened, "GET", "/api/me")
    show("reopened, change e-mail", reopened, "POST", "/account/email")
    return f"SESSION_PROTECTION = {mode!r}\n" + "\n".join(lines)


# --8<-- [end:walkthrough]


def basic_and_strong():
    return "\n\n".join(visits(mode) for mode in ("basic", "strong"))
