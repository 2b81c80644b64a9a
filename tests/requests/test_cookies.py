import pytest
from flask import Flask, Response

from snippets.requests.cookies import ONE_YEAR, app


def test_set_cookie_sends_every_attribute():
    response = app.test_client().post("/preferences", data={"theme": "dark"})
    header = response.headers["Set-Cookie"]
    assert header.startswith("theme=dark; Expires=")
    for part in (f"Max-Age={ONE_YEAR}", "Secure", "HttpOnly", "Path=/", "SameSite=Lax"):
        assert part in header


def test_cookie_round_trip_and_delete():
    client = app.test_client()
    assert client.get("/preferences").get_json() == {"theme": "light"}
    client.post("/preferences", data={"theme": "dark"})
    cookie = client.get_cookie("theme")
    assert (cookie.value, cookie.secure, cookie.http_only, cookie.same_site) == ("dark", True, True, "Lax")
    assert client.get("/preferences").get_json() == {"theme": "dark"}
    deleted = client.delete("/preferences")
    assert "theme=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0" in deleted.headers["Set-Cookie"]
    assert client.get_cookie("theme") is None
    assert client.get("/preferences").get_json() == {"theme": "light"}


def test_there_is_no_response_cookies():
    response = app.test_client().post("/preferences", data={"theme": "dark"})
    assert not hasattr(response, "cookies")


def test_no_domain_attribute_by_default():
    response = app.test_client().post("/preferences", data={"theme": "dark"})
    assert "Domain=" not in response.headers["Set-Cookie"]


def test_oversized_cookie_warns():
    with pytest.warns(UserWarning, match="cookie is too large"):
        Response().set_cookie("big", "x" * 5000)


def test_session_cookie_defaults():
    config = Flask(__name__).config
    assert config["SESSION_COOKIE_SECURE"] is False
    assert config["SESSION_COOKIE_HTTPONLY"] is True
    assert config["SESSION_COOKIE_SAMESITE"] is None
    assert config["SESSION_COOKIE_PARTITIONED"] is False
    assert config["MAX_COOKIE_SIZE"] == 4093
