"""Log out everywhere with Flask-Login: a generation counter in the login id.

Flask-Login stores whatever `get_id()` returns, in the session (`_user_id`)
and, signed, in the remember-me cookie. Put the user's generation in it, and
bumping the number in the database turns every session and remember cookie
issued before into one the user loader refuses.
"""

from dataclasses import dataclass

from flask import Flask, request
from flask_login import (
    LoginManager,
    current_user,
    login_required,
    login_user,
    logout_user,
)


# --8<-- [start:user]
@dataclass
class User:
    name: str
    # a column in the users table; bumped to revoke every login
    generation: int = 0

    is_authenticated = True
    is_active = True
    is_anonymous = False

    def get_id(self):
        # what the session and the remember cookie hold
        return f"{self.name}:{self.generation}"


USERS = {"ada": User("ada")}  # the database, for the example


def load_user(login_id):
    name, _, generation = login_id.rpartition(":")
    user = USERS.get(name)
    if user is None or str(user.generation) != generation:
        return None  # issued before the last "log out everywhere": anonymous
    return user
# --8<-- [end:user]


def create_app():
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY="dev-only-not-secret",
        REMEMBER_COOKIE_SECURE=True,     # Flask-Login's defaults: False...
        REMEMBER_COOKIE_SAMESITE="Lax",  # ...and None; HttpOnly is already True
    )
    login_manager = LoginManager(app)
    login_manager.user_loader(load_user)

    # --8<-- [start:views]
    @app.post("/login")
    def login():
        user = USERS[request.form["user"]]  # (check the password here)
        login_user(user, remember="remember" in request.form)
        return {"user": user.name}

    @app.get("/me")
    @login_required
    def me():
        return {"user": current_user.name}

    @app.post("/logout")
    def logout():
        # this browser only: clears its session, deletes its remember cookie
        logout_user()
        return {"user": None}

    @app.post("/logout-everywhere")
    @login_required
    def logout_everywhere():
        # UPDATE users SET generation = generation + 1 ...
        current_user.generation += 1
        logout_user()
        return {"user": None}
    # --8<-- [end:views]

    return app


app = create_app()
