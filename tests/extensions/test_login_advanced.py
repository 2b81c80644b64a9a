"""Flask-Login 0.6.3: request_loader, session protection, fresh logins, duration=, cookie flags, LOGIN_DISABLED."""

from datetime import datetime, timedelta, timezone

import pytest

from snippets.extensions.login_advanced import basic_and_strong, create_app, visits

KEY = "ak_live_ada_0123456789"


@pytest.fixture
def app():
    return create_app()


def test_an_api_key_logs_in_for_one_request_without_a_session_cookie(app):
    client = app.test_client()
    response = client.get("/api/me", headers={"X-API-Key": KEY})
    assert (response.status_code, response.json) == (200, {"name": "ada"})
    assert "Set-Cookie" not in response.headers  # nothing stored: the next request needs the key again
    assert client.get("/api/me").status_code == 401


@pytest.mark.parametrize("headers", [{}, {"X-API-Key": ""}, {"X-API-Key": "ak_live_ada_012345678"}])
def test_a_missing_or_wrong_key_is_anonymous(app, headers):
    assert app.test_client().get("/api/me", headers=headers).status_code == 401


def test_the_session_wins_over_the_request_loader(app, monkeypatch):
    from snippets.extensions import login_advanced

    calls = []
    monkeypatch.setattr(login_advanced.login_manager, "_request_callback",
                        lambda request: calls.append(request) or None)
    client = app.test_client()
    client.post("/login")
    assert client.get("/api/me", headers={"X-API-Key": "whatever"}).status_code == 200
    assert calls == []  # a user from the session: the request loader is never asked


def test_login_user_duration_sets_this_logins_remember_cookie_lifetime(app):
    response = app.test_client().post("/login?remember=1")
    cookie = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith("remember_token="))
    expires = datetime.strptime(cookie.split("Expires=")[1].split(";")[0], "%a, %d %b %Y %H:%M:%S GMT")
    left = expires.replace(tzinfo=timezone.utc) - datetime.now(timezone.utc)
    assert timedelta(days=6, hours=23) < left <= timedelta(days=7)  # not the 365-day default
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_the_remember_cookie_defaults_are_not_secure_and_set_no_samesite():
    app = create_app(REMEMBER_COOKIE_SECURE=False, REMEMBER_COOKIE_SAMESITE=None)
    cookie = next(h for h in app.test_client().post("/login?remember=1").headers.getlist("Set-Cookie")
                  if h.startswith("remember_token="))
    assert "Secure" not in cookie and "SameSite" not in cookie and "HttpOnly" in cookie
    from flask_login import config

    assert (config.COOKIE_SECURE, config.COOKIE_SAMESITE, config.COOKIE_HTTPONLY) == (False, None, True)


def test_a_password_login_is_fresh_and_a_remember_cookie_login_is_not(app):
    first = app.test_client()
    first.post("/login?remember=1")
    assert first.post("/account/email").json == {"changed": True}
    reopened = app.test_client()
    reopened.set_cookie("remember_token", first.get_cookie("remember_token").value)
    assert reopened.get("/api/me").json == {"name": "ada"}
    refused = reopened.post("/account/email")
    assert (refused.status_code, refused.json["error"]) == (401, "reauthentication_required")


def test_basic_protection_keeps_the_user_but_drops_freshness_on_a_new_address():
    lines = visits("basic").splitlines()
    assert lines[3].endswith("-> 401 reauthentication_required")
    assert lines[4].endswith("-> 200") and lines[6].endswith("-> 200")


def test_strong_protection_logs_out_on_a_new_address_and_breaks_remember_me():
    lines = visits("strong").splitlines()
    assert lines[3].endswith("-> 401 not logged in")
    assert lines[4].endswith("-> 401 not logged in")  # the session was deleted, not just marked
    assert lines[5].endswith("-> 200")  # the remember cookie works once...
    assert lines[6].endswith("-> 401 not logged in")  # ...then the restored session has no _id
    assert "'strong'" in basic_and_strong()


def test_strong_protection_clears_the_remember_cookie_too():
    app = create_app(SESSION_PROTECTION="strong")
    client = app.test_client()
    client.post("/login?remember=1")
    response = client.get("/api/me", environ_base={"REMOTE_ADDR": "10.9.9.9"})
    assert any(h.startswith("remember_token=;") for h in response.headers.getlist("Set-Cookie"))


def test_login_disabled_lets_anonymous_users_through_login_required():
    app = create_app(LOGIN_DISABLED=True)
    client = app.test_client()
    assert client.get("/report").json == {"for": None}  # the view ran with an anonymous user
    assert client.post("/account/email").json == {"changed": True}  # fresh_login_required too
