import secrets

import flask
import flask_login
import pytest
import redis
from cachelib import SimpleCache
from flask import Flask
from flask_login import LoginManager
from flask_session import Session
from itsdangerous import TimestampSigner

from snippets.security import server_side_session, session_cookies
from tests.servers import redis_server


def test_session_cookie_is_readable_without_the_key():
    client = session_cookies.demo_app.test_client()
    client.post("/login", data={"user": "ada"})
    cookie = client.get_cookie("__Host-session").value
    assert session_cookies.read_without_key(cookie) == {"plan": "trial", "role": "member", "user": "ada"}


def test_hardened_cookie_attributes():
    response = session_cookies.demo_app.test_client().post("/login", data={"user": "ada"})
    attributes = [part.strip() for part in response.headers["Set-Cookie"].split(";")]
    assert attributes[0].startswith("__Host-session=")
    assert {"Secure", "HttpOnly", "Path=/", "SameSite=Lax"} <= set(attributes)
    assert not any(a.startswith("Domain=") for a in attributes)  # required by __Host-


def test_flask_defaults_are_httponly_only():
    app = Flask(__name__)
    assert (app.config["SESSION_COOKIE_HTTPONLY"], app.config["SESSION_COOKIE_SECURE"],
            app.config["SESSION_COOKIE_SAMESITE"]) == (True, False, None)


def test_secret_key_comes_from_the_environment(monkeypatch):
    key = secrets.token_hex(32)
    assert len(key) == 64
    monkeypatch.setenv("FLASK_SECRET_KEY", key)
    assert session_cookies.create_app().secret_key == key


def test_no_secret_key_no_app(monkeypatch):
    monkeypatch.delenv("FLASK_SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError, match="Set FLASK_SECRET_KEY"):
        session_cookies.create_app()


def test_a_copied_signed_cookie_still_works_after_logout():
    victim = session_cookies.demo_app.test_client()
    victim.post("/login", data={"user": "ada"})
    stolen = victim.get_cookie("__Host-session").value
    assert victim.post("/logout").json == {"user": None}
    attacker = session_cookies.demo_app.test_client()
    attacker.set_cookie("__Host-session", stolen)
    assert attacker.get("/me").json == {"user": "ada"}  # nothing on the server to revoke


def test_the_copy_dies_only_when_older_than_permanent_session_lifetime(monkeypatch):
    thief = session_cookies.demo_app.test_client()
    thief.post("/login", data={"user": "ada"})
    lifetime = int(session_cookies.demo_app.permanent_session_lifetime.total_seconds())
    assert lifetime == 31 * 24 * 3600  # Flask's default
    signed_at = TimestampSigner.get_timestamp
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: signed_at(self) + lifetime)
    assert thief.get("/me").json == {"user": "ada"}  # 31 days later: still good
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: signed_at(self) + lifetime + 2)
    assert thief.get("/me").json == {"user": None}  # a moment after: an empty session


SID = "__Host-session"  # the server-side example's cookie


def test_server_side_session_cookie_is_an_opaque_id():
    client = server_side_session.create_app().test_client()
    response = client.post("/login", data={"user": "ada"})
    cookie = client.get_cookie(SID).value
    assert "." not in cookie and "ada" not in cookie
    with pytest.raises(ValueError):
        session_cookies.read_without_key(cookie)
    assert {"Secure", "HttpOnly", "SameSite=Lax", "Path=/"} <= {
        p.strip() for p in response.headers["Set-Cookie"].split(";")}


def test_server_side_logout_kills_copied_cookies():
    app = server_side_session.create_app()
    victim = app.test_client()
    victim.post("/login", data={"user": "ada"})
    stolen = victim.get_cookie(SID).value
    victim.post("/logout")
    attacker = app.test_client()
    attacker.set_cookie(SID, stolen)
    assert attacker.get("/me").json == {"user": None}


def plant_session_id(app):
    """The fixation attack: log in as yourself, then put your session id in the victim's browser
    (a sibling subdomain, an injected header, a shared computer). Returns both clients and the id."""
    attacker, victim = app.test_client(), app.test_client()
    attacker.post("/login", data={"user": "mallory"})
    planted = attacker.get_cookie(SID).value
    victim.set_cookie(SID, planted)
    return attacker, victim, planted


def test_login_regenerates_the_server_side_session_id():
    app = server_side_session.create_app()
    attacker, victim, planted = plant_session_id(app)
    assert victim.get("/me").json == {"user": "mallory"}  # the plant took
    victim.post("/login", data={"user": "ada"})
    assert victim.get_cookie(SID).value != planted  # a new id...
    assert victim.get("/me").json == {"user": "ada"}
    assert attacker.get("/me").json == {"user": None}  # ...and the planted one opens nothing


def test_without_regenerate_the_planted_id_logs_the_attacker_in():
    # The same login minus the regenerate() line: what the example used to do.
    app = server_side_session.create_app()
    app.session_interface.regenerate = lambda session: None
    attacker, victim, planted = plant_session_id(app)
    victim.post("/login", data={"user": "ada"})
    assert victim.get_cookie(SID).value == planted
    assert attacker.get("/me").json == {"user": "ada"}  # session fixation


def test_regenerate_does_nothing_to_an_empty_session():
    # flask_session/base.py: `if session:` - so call it after writing the login, as the example does.
    app = server_side_session.create_app()
    with app.test_request_context():
        empty = app.session_interface.open_session(app, flask.request)
        before = empty.sid
        app.session_interface.regenerate(empty)
        assert (empty.sid, empty.modified) == (before, False)


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    with redis_server(tmp_path_factory.mktemp("redis")) as url:
        yield url


def test_with_real_redis_the_planted_id_is_deleted_at_login(redis_url):
    store = redis.Redis.from_url(redis_url)
    store.flushdb()
    try:
        app = server_side_session.create_app({"SESSION_TYPE": "redis", "SESSION_REDIS": store})
        attacker, victim, planted = plant_session_id(app)
        assert store.keys() == [f"session:{planted}".encode()]
        victim.post("/login", data={"user": "ada"})
        fresh = victim.get_cookie(SID).value
        assert fresh != planted
        assert store.keys() == [f"session:{fresh}".encode()]  # the planted record is gone
        assert attacker.get("/me").json == {"user": None}
        assert victim.get("/me").json == {"user": "ada"}
    finally:
        store.close()


def test_a_planted_signed_cookie_gains_the_attacker_nothing():
    # Flask's own session has no id to fix: the cookie *is* the data, and the login writes a new one.
    attacker = session_cookies.demo_app.test_client()
    attacker.post("/login", data={"user": "mallory"})
    planted = attacker.get_cookie("__Host-session").value
    victim = session_cookies.demo_app.test_client()
    victim.set_cookie("__Host-session", planted)
    victim.post("/login", data={"user": "ada"})
    assert victim.get_cookie("__Host-session").value != planted
    assert attacker.get("/me").json == {"user": "mallory"}  # still the attacker's own session


def flask_login_app(protection, permanent=True):
    """Flask-Login over Flask-Session, with no regenerate(): what Flask-Login alone does."""
    app = Flask(__name__)
    app.config.update(SECRET_KEY="test", SESSION_TYPE="cachelib", SESSION_CACHELIB=SimpleCache(),
                      SESSION_PERMANENT=permanent, SESSION_COOKIE_NAME=SID)
    Session(app)
    manager = LoginManager(app)
    manager.session_protection = protection
    manager.user_loader(lambda user_id: User(user_id))

    @app.post("/login")
    def login():
        flask_login.login_user(User(flask.request.form["user"]))
        return {}

    @app.get("/me")
    def me():
        user = flask_login.current_user
        return {"user": user.get_id() if user.is_authenticated else None,
                "fresh": flask_login.login_fresh()}

    return app


class User(flask_login.UserMixin):
    def __init__(self, user_id):
        self.id = user_id


VICTIM = {"REMOTE_ADDR": "198.51.100.7", "HTTP_USER_AGENT": "victim-browser"}
ATTACKER = {"REMOTE_ADDR": "203.0.113.9", "HTTP_USER_AGENT": "attacker-browser"}


def fixated(app, attacker_environ):
    """Plant the attacker's id, let the victim log in with Flask-Login: what does the id open now?"""
    attacker, victim = app.test_client(), app.test_client()
    attacker.environ_base.update(attacker_environ)
    victim.environ_base.update(VICTIM)
    attacker.post("/login", data={"user": "mallory"})
    planted = attacker.get_cookie(SID).value
    victim.set_cookie(SID, planted)
    victim.post("/login", data={"user": "ada"})
    assert victim.get_cookie(SID).value == planted  # login_user() never changes the id
    return attacker.get("/me").json


@pytest.mark.parametrize("protection, permanent", [("basic", True), ("strong", True), ("basic", False)])
def test_flask_login_session_protection_only_marks_the_fixed_session_not_fresh(protection, permanent):
    # Flask-Session makes sessions permanent by default, and for a permanent session
    # "strong" behaves like "basic" (flask_login/login_manager.py, _session_protection_failed).
    app = flask_login_app(protection, permanent)
    assert fixated(app, ATTACKER) == {"user": "ada", "fresh": False}


def test_flask_login_strong_protection_drops_a_non_permanent_fixed_session():
    app = flask_login_app("strong", permanent=False)
    assert fixated(app, ATTACKER) == {"user": None, "fresh": False}


def test_flask_login_strong_protection_is_fooled_by_copied_headers():
    # The identifier hashes X-Forwarded-For (else the address) and User-Agent: both can be sent.
    app = flask_login_app("strong", permanent=False)
    copied = {**ATTACKER, "HTTP_X_FORWARDED_FOR": "198.51.100.7", "HTTP_USER_AGENT": "victim-browser"}
    assert fixated(app, copied) == {"user": "ada", "fresh": True}


def test_module_level_app_serves():
    assert server_side_session.app.test_client().get("/me").json == {"user": None}
