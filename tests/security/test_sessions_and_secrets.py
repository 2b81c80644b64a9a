import secrets

import pytest
from flask import Flask
from itsdangerous import TimestampSigner

from snippets.security import server_side_session, session_cookies


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


def test_server_side_session_cookie_is_an_opaque_id():
    client = server_side_session.create_app().test_client()
    response = client.post("/login", data={"user": "ada"})
    cookie = client.get_cookie("session").value
    assert "." not in cookie and "ada" not in cookie
    with pytest.raises(ValueError):
        session_cookies.read_without_key(cookie)
    assert {"Secure", "HttpOnly", "SameSite=Lax"} <= {
        p.strip() for p in response.headers["Set-Cookie"].split(";")}


def test_server_side_logout_kills_copied_cookies():
    app = server_side_session.create_app()
    victim = app.test_client()
    victim.post("/login", data={"user": "ada"})
    stolen = victim.get_cookie("session").value
    victim.post("/logout")
    attacker = app.test_client()
    attacker.set_cookie("session", stolen)
    assert attacker.get("/me").json == {"user": None}


def test_module_level_app_serves():
    assert server_side_session.app.test_client().get("/me").json == {"user": None}
