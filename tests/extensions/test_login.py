"""Flask-Login: anonymous users, login, remember-me cookie, and a `next` that cannot leave the site."""

from urllib.parse import urlsplit

import pytest

from snippets.extensions.login_app import create_app, is_safe_next
from snippets.security import redirects
from tests.security.conftest import browser, url_parser  # noqa: F401 (fixtures: Chromium)
from tests.security.test_open_redirects import CORPUS, LOCAL_LOOKALIKES, SAFE_PATHS, browser_goes_to

ADA = {"name": "ada", "password": "correct horse"}


@pytest.fixture
def client():
    return create_app().test_client()


def test_an_anonymous_visitor_is_sent_to_the_login_page_with_next(client):
    response = client.get("/profile")
    assert response.status_code == 302
    assert response.headers["Location"] == "/login?next=%2Fprofile"


def test_an_anonymous_api_call_gets_401_not_a_redirect(client):
    response = client.get("/api/me")
    assert response.status_code == 401
    assert "Location" not in response.headers


def test_wrong_credentials_get_401_and_the_same_message(client):
    for form in ({"name": "ada", "password": "wrong"}, {"name": "nobody", "password": "x"}, {}):
        response = client.post("/login", data=form)
        assert response.status_code == 401
        assert response.get_data(as_text=True) == "Wrong name or password."
    assert client.get("/profile").status_code == 302  # still logged out


def test_login_then_the_protected_pages_answer(client):
    assert client.get("/login").status_code == 200
    response = client.post("/login", data=ADA)
    assert response.status_code == 302 and response.headers["Location"] == "/profile"
    assert client.get("/profile").get_data(as_text=True) == "Hello, ada."
    assert client.get("/api/me").json == {"name": "ada"}


def test_a_safe_next_is_followed(client):
    response = client.post("/login?next=/api/me", data=ADA)
    assert response.headers["Location"] == "/api/me"


@pytest.mark.parametrize("target", ["https://evil.example", "//evil.example"])
def test_an_unsafe_next_is_refused_and_the_user_lands_on_profile(client, target):
    response = client.post("/login", query_string={"next": target}, data=ADA)
    assert response.status_code == 302
    assert response.headers["Location"] == "/profile"


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/x", "//evil.example", "/\\evil.example", "http:/evil.example",
     "javascript:alert(1)", "profile", "/\t/evil.example", " //evil.example", "", None],
)
def test_is_safe_next_refuses_everything_that_is_not_a_local_path(target):
    assert not is_safe_next(target)


def test_is_safe_next_accepts_paths_with_a_query():
    assert is_safe_next("/books?page=2")


def old_is_safe_next(target):
    """What this page used to show: urlsplit drops tabs and newlines before it looks for a host."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc


@pytest.mark.parametrize("payload", ["/\r\\evil.example", "/\n\\evil.example", "/\t\\evil.example"])
def test_the_old_check_passed_a_control_character_before_a_backslash(url_parser, payload):
    assert old_is_safe_next(payload)  # and Chromium, given it as a link, leaves the site:
    assert browser_goes_to(url_parser, payload) == "evil.example"
    assert not is_safe_next(payload)


def test_the_corpus_catches_the_old_check():
    let_through = [p for p in CORPUS if p not in LOCAL_LOOKALIKES and old_is_safe_next(p)]
    assert {"/\r\\evil.example", "/\n\\evil.example", "/\t\\evil.example"} <= set(let_through)


@pytest.mark.parametrize("payload", [p for p in CORPUS if p not in LOCAL_LOOKALIKES])
def test_is_safe_next_refuses_the_whole_open_redirect_corpus(payload):
    assert not is_safe_next(payload)


@pytest.mark.parametrize("target", CORPUS + SAFE_PATHS)
def test_is_safe_next_is_the_rule_of_the_security_chapter(target):
    assert is_safe_next(target) == (redirects.safe_next(target, fallback=None) == target)


@pytest.mark.parametrize("payload", ["/\r\\evil.example", "/ \\evil.example", "/\x00\\evil.example"])
def test_a_control_character_in_next_falls_back_to_profile(client, payload):
    response = client.post("/login", query_string={"next": payload}, data=ADA)
    assert response.headers["Location"] == "/profile"


def test_without_remember_me_a_new_browser_session_is_logged_out(client):
    response = client.post("/login", data=ADA)
    assert "remember_token" not in response.headers.get("Set-Cookie", "")
    fresh = create_app().test_client()
    assert fresh.get("/profile").status_code == 302


def test_remember_me_sets_a_long_lived_cookie_that_logs_a_new_session_back_in(client):
    response = client.post("/login", data={**ADA, "remember": "on"})
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("remember_token="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Expires=" in cookie
    token = client.get_cookie("remember_token").value
    assert token.startswith("1|")  # the user id plus an HMAC signed with SECRET_KEY
    fresh = create_app().test_client()  # a browser restart: no session cookie, only this one
    fresh.set_cookie("remember_token", token)
    assert fresh.get("/profile").get_data(as_text=True) == "Hello, ada."


def test_a_tampered_remember_cookie_is_ignored():
    fresh = create_app().test_client()
    fresh.set_cookie("remember_token", "1|" + "0" * 128)
    assert fresh.get("/profile").status_code == 302


def test_logout_clears_the_session_and_the_remember_cookie(client):
    client.post("/login", data={**ADA, "remember": "on"})
    response = client.post("/logout")
    assert response.headers["Location"] == "/login"
    assert client.get_cookie("remember_token") is None
    assert client.get("/profile").status_code == 302


def test_passwords_are_stored_as_scrypt_hashes():
    from snippets.extensions.login_app import USERS

    assert USERS["1"].password_hash.startswith("scrypt:")


def test_without_remember_the_session_cookie_ends_with_the_browser(client):
    response = client.post("/login", data=ADA)
    session_cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("session="))
    assert "Expires" not in session_cookie


def test_the_remember_cookie_lasts_a_year_unless_configured():
    from datetime import timedelta

    from flask_login import config as login_config

    assert login_config.COOKIE_DURATION == timedelta(days=365)
    assert create_app().config["REMEMBER_COOKIE_DURATION"] == timedelta(days=14)


def test_a_deleted_user_is_logged_out_on_the_next_request(client, monkeypatch):
    from snippets.extensions import login_app

    client.post("/login", data=ADA)
    monkeypatch.setattr(login_app, "USERS", {})  # the loader now returns None
    assert client.get("/profile").status_code == 302


def test_anonymous_current_user_is_an_object_not_none():
    from flask_login import AnonymousUserMixin, current_user

    app = create_app()
    with app.test_request_context("/"):
        assert isinstance(current_user._get_current_object(), AnonymousUserMixin)
        assert current_user.is_authenticated is False


def test_the_redirect_flashes_a_message_for_the_login_page(client):
    client.get("/profile")
    with client.session_transaction() as session:
        assert session["_flashes"] == [("message", "Please log in to access this page.")]


def test_the_session_holds_the_user_id_not_the_user(client):
    client.post("/login", data=ADA)
    with client.session_transaction() as session:
        assert set(session) == {"_user_id", "_fresh", "_id"}
        assert session["_user_id"] == "1" and session["_fresh"] is True
