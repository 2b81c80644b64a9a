import time
from datetime import datetime, timedelta, timezone

import pytest
from flask import Flask, flash, session
from itsdangerous import TimestampSigner

from snippets.requests import key_rotation, session_peek
from snippets.requests.session_no_secret import app as no_secret_app
from snippets.requests.sessions import app


def test_login_sets_a_signed_session_cookie():
    client = app.test_client()
    response = client.post("/login", data={"name": "ada"})
    header = response.headers["Set-Cookie"]
    assert header.startswith("session=")
    assert "Expires" not in header  # not permanent: a browser-session cookie
    for part in ("Secure", "HttpOnly", "SameSite=Lax"):
        assert part in header
    assert response.headers["Vary"] == "Cookie"
    assert client.get("/me").get_json() == {"user": "ada"}


def test_permanent_session_gets_an_expiry_from_the_lifetime():
    client = app.test_client()
    response = client.post("/login", data={"name": "ada", "remember": "on"})
    assert response.get_json() == {"user": "ada", "permanent": True}
    assert "Expires=" in response.headers["Set-Cookie"]
    cookie = client.get_cookie("session")
    lifetime = (cookie.expires - datetime.now(timezone.utc)).total_seconds()
    assert 14 * 86400 - 5 <= lifetime <= 14 * 86400 + 5


def test_logout_deletes_the_cookie():
    client = app.test_client()
    client.post("/login", data={"name": "ada"})
    response = client.post("/logout")
    assert "session=; Expires=Thu, 01 Jan 1970" in response.headers["Set-Cookie"]
    assert client.get_cookie("session") is None
    assert client.get("/me").get_json() == {"user": None}


def test_payload_is_readable_without_the_key():
    client = app.test_client()
    client.post("/login", data={"name": "ada"})
    cookie = client.get_cookie("session").value
    assert session_peek.read_without_key(cookie) == {"_permanent": False, "user": "ada"}


def test_large_payloads_are_compressed_but_still_readable():
    client = app.test_client()
    client.post("/login", data={"name": "ada"})
    for _ in range(5):
        client.post("/history", data={"page": "/products/" + "x" * 40})
    cookie = client.get_cookie("session").value
    assert cookie.startswith(".")
    assert len(session_peek.read_without_key(cookie)["history"]) == 5


def test_forged_cookie_is_rejected():
    client = app.test_client()
    client.post("/login", data={"name": "ada"})
    cookie = client.get_cookie("session").value
    client.set_cookie("session", session_peek.forge(cookie, {"user": "admin"}))
    assert client.get("/me").get_json() == {"user": None}


def test_demo_output():
    lines = session_peek.demo().splitlines()
    assert lines[1].endswith("{'_permanent': False, 'user': 'ada'}")
    assert lines[2] == "forged cookie -> /me says {'user': None}"


def test_mutating_a_value_needs_session_modified():
    for endpoint, saved in (("/history/forgetful", ["/a"]), ("/history", ["/a", "/b", "/c"])):
        client = app.test_client()
        client.post("/login", data={"name": "ada"})
        for page in ("/a", "/b", "/c"):
            client.post(endpoint, data={"page": page})
        assert client.get("/history").get_json() == {"history": saved}


def test_permanent_sessions_hide_the_missing_modified_flag():
    client = app.test_client()
    client.post("/login", data={"name": "ada", "remember": "on"})
    for page in ("/a", "/b"):
        client.post("/history/forgetful", data={"page": page})
    # SESSION_REFRESH_EACH_REQUEST rewrites a permanent session's cookie anyway.
    assert client.get("/history").get_json() == {"history": ["/a", "/b"]}


def test_without_secret_key_reading_works_and_writing_fails():
    client = no_secret_app.test_client()
    assert client.get("/read").get_json() == {"user": None}
    assert client.post("/write").status_code == 500


def test_without_secret_key_the_error_is_a_runtime_error(monkeypatch):
    monkeypatch.setitem(no_secret_app.config, "TESTING", True)
    with pytest.raises(RuntimeError, match="no secret key was set"):
        no_secret_app.test_client().post("/write")


def test_key_rotation_accepts_old_cookies_and_signs_with_the_current_key():
    assert key_rotation.demo().splitlines() == [
        "old cookie, app during rotation: ada",
        "new cookie, app with only key-2025: grace",
        "new cookie, app with only key-2024: None",
        "old cookie, fallback removed: None",
    ]


def test_rotation_with_several_fallbacks_still_signs_with_secret_key():
    during = key_rotation.create_app("k3", fallbacks=["k1", "k2"])
    cookie = key_rotation.issue(during, "ada")
    assert key_rotation.who(key_rotation.create_app("k3"), cookie) == "ada"
    assert key_rotation.who(key_rotation.create_app("k2"), cookie) is None


def test_forgetful_mutation_sends_no_cookie_once_the_key_exists():
    client = app.test_client()
    client.post("/login", data={"name": "ada"})
    assert "Set-Cookie" in client.post("/history/forgetful", data={"page": "/a"}).headers
    assert "Set-Cookie" not in client.post("/history/forgetful", data={"page": "/b"}).headers


@pytest.mark.parametrize(("days_ago", "user"), [(13, "ada"), (15, None)])
def test_lifetime_is_enforced_on_the_server_for_every_session(monkeypatch, days_ago, user):
    client = app.test_client()
    signed_at = int(time.time()) - days_ago * 86400
    with monkeypatch.context() as patch:
        patch.setattr(TimestampSigner, "get_timestamp", lambda self: signed_at)
        client.post("/login", data={"name": "ada"})  # not permanent
    assert client.get("/me").get_json() == {"user": user}  # lifetime: 14 days


def test_signing_details_and_default_lifetime():
    interface = app.session_interface
    assert interface.salt == "cookie-session"
    assert interface.key_derivation == "hmac"
    assert interface.digest_method(b"").name == "sha1"
    assert Flask(__name__).permanent_session_lifetime == timedelta(days=31)


def test_membership_test_marks_the_session_accessed():
    with app.test_request_context():
        assert "user" not in session
        assert session.accessed  # since 3.1.3
        assert not session.modified


def test_flash_needs_the_secret_key_too():
    with no_secret_app.test_request_context():
        with pytest.raises(RuntimeError, match="no secret key"):
            flash("hello")


def test_reading_an_old_cookie_does_not_re_sign_it():
    old_cookie = key_rotation.issue(key_rotation.create_app("old"), "ada")
    client = key_rotation.create_app("new", fallbacks=["old"]).test_client()
    client.set_cookie("session", old_cookie)
    response = client.get("/me")
    assert response.get_json() == {"user": "ada"}
    assert "Set-Cookie" not in response.headers
