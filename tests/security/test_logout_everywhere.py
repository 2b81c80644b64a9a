"""Log out everywhere: a generation counter in Flask-Login's id revokes sessions and remember cookies."""

import datetime as dt

import pytest
import time_machine
from flask import Flask
from flask_login import LoginManager, UserMixin, login_user, logout_user

from snippets.security import logout_everywhere
from snippets.security.logout_everywhere import USERS, User, load_user


@pytest.fixture(autouse=True)
def fresh_users(monkeypatch):
    monkeypatch.setitem(USERS, "ada", User("ada"))


def logged_in(app, remember=False):
    client = app.test_client()
    data = {"user": "ada", **({"remember": "on"} if remember else {})}
    assert client.post("/login", data=data).json == {"user": "ada"}
    return client


def copy_cookies(source, app, *names):
    thief = app.test_client()
    for name in names:
        thief.set_cookie(name, source.get_cookie(name).value)
    return thief


def test_log_out_everywhere_revokes_other_sessions_and_remember_cookies():
    app = logout_everywhere.create_app()
    laptop, phone = logged_in(app), logged_in(app, remember=True)
    thief = copy_cookies(phone, app, "session", "remember_token")
    only_remember = copy_cookies(phone, app, "remember_token")  # no session: the cookie logs in
    assert only_remember.get("/me").json == {"user": "ada"}
    assert laptop.post("/logout-everywhere").json == {"user": None}
    assert USERS["ada"].generation == 1
    for client in (laptop, phone, thief, only_remember):
        assert client.get("/me").status_code == 401
    assert logged_in(app).get("/me").json == {"user": "ada"}  # a new login works at once


def test_plain_logout_leaves_other_devices_logged_in():
    app = logout_everywhere.create_app()
    laptop, phone = logged_in(app), logged_in(app)
    laptop.post("/logout")
    assert laptop.get("/me").status_code == 401
    assert phone.get("/me").json == {"user": "ada"}


def test_the_user_loader_refuses_an_old_generation_and_unknown_users():
    assert load_user("ada:0") is USERS["ada"]
    USERS["ada"].generation = 3
    assert load_user("ada:0") is None and load_user("ada:3") is USERS["ada"]
    assert load_user("bob:0") is None


def test_remember_cookie_attributes_are_hardened():
    response = logout_everywhere.create_app().test_client().post(
        "/login", data={"user": "ada", "remember": "on"})
    remember = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith("remember_token="))
    assert {"Secure", "HttpOnly", "SameSite=Lax"} <= {p.strip() for p in remember.split(";")}
    assert "ada:0|" in remember  # the id, generation included, then an HMAC digest


def plain_flask_login_app():
    """What most apps have: get_id() returns the user's id and nothing else."""
    app = Flask(__name__)
    app.secret_key = "dev-only-not-secret"
    manager = LoginManager(app)

    class Plain(UserMixin):
        id = "ada"

    manager.user_loader(lambda user_id: Plain() if user_id == "ada" else None)

    @app.post("/login")
    def login():
        login_user(Plain(), remember=True)
        return ""

    @app.post("/logout")
    def logout():
        logout_user()
        return ""

    @app.get("/me")
    def me():
        from flask_login import current_user
        return {"authenticated": current_user.is_authenticated}

    return app


def test_a_stolen_plain_remember_cookie_outlives_logout_and_its_expiry():
    app = plain_flask_login_app()
    with time_machine.travel(dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc), tick=False) as clock:
        victim = app.test_client()
        victim.post("/login")
        stolen = victim.get_cookie("remember_token").value
        assert stolen.startswith("ada|")  # no timestamp: nothing on the server ever expires it
        victim.post("/logout")
        assert victim.get_cookie("remember_token") is None  # deleted in the victim's browser
        clock.move_to(dt.datetime(2028, 6, 1, tzinfo=dt.timezone.utc))  # long past the 365 days
        thief = app.test_client()
        thief.set_cookie("remember_token", stolen)
        assert thief.get("/me").json == {"authenticated": True}
