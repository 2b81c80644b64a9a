"""Flask-Login: a user loader, login_user, login_required, remember me, and a
safe `next`.
"""

from datetime import timedelta

from flask import Blueprint, Flask, redirect, request, url_for
from flask_login import (
    LoginManager,
    UserMixin,
    current_user,
    login_required,
    login_user,
    logout_user,
)
from werkzeug.security import check_password_hash, generate_password_hash


# --8<-- [start:loader]
# UserMixin supplies is_authenticated, is_active, get_id()
class User(UserMixin):
    def __init__(self, id, name, password):
        self.id, self.name = id, name
        self.password_hash = generate_password_hash(password)


USERS = {"1": User("1", "ada", "correct horse")}  # stands in for a users table

login_manager = LoginManager()
login_manager.login_view = "login"  # pages redirect here...
# ...but the API answers 401
login_manager.blueprint_login_views = {"api": None}


@login_manager.user_loader
def load_user(user_id):
    """Called on each request with the id kept in the session.

    Returning None means "logged out".
    """
    return USERS.get(user_id)


# --8<-- [end:loader]


# --8<-- [start:next]
def is_safe_next(target):
    """A path on this site.

    "/books?page=2" yes; "//x", "/\\x", "https:x", a space or a "\\r" no.
    """
    if not target or any(
        ch == "\\" or ord(ch) <= 0x20 or ord(ch) == 0x7F for ch in target
    ):
        # browsers read "\" as "/" and drop tabs, newlines and leading spaces
        return False
    # one "/", then a path
    return target.startswith("/") and not target.startswith("//")


# --8<-- [end:next]


# --8<-- [start:views]
def create_app():
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY="dev only, set a real one from the environment",
        REMEMBER_COOKIE_DURATION=timedelta(days=14),
        REMEMBER_COOKIE_SAMESITE="Lax",
    )
    login_manager.init_app(app)

    @app.route("/login", methods=["GET", "POST"])
    def login():
        if request.method == "GET":
            return '<form method="post">name, password, remember</form>'
        user = next(
            (u for u in USERS.values() if u.name == request.form.get("name")),
            None,
        )
        if user is None or not check_password_hash(
            user.password_hash, request.form.get("password", "")
        ):
            # the same message for both: no user probing
            return "Wrong name or password.", 401
        login_user(user, remember=request.form.get("remember") == "on")
        target = request.args.get("next")
        return redirect(target if is_safe_next(target) else url_for("profile"))

    @app.get("/profile")
    @login_required
    def profile():
        return f"Hello, {current_user.name}."

    @app.post("/logout")
    @login_required
    def logout():
        logout_user()  # also clears the remember cookie
        return redirect(url_for("login"))

    api = Blueprint("api", __name__, url_prefix="/api")

    @api.get("/me")
    @login_required
    def me():
        return {"name": current_user.name}

    app.register_blueprint(api)
    return app


# --8<-- [end:views]
