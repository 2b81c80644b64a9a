"""docs/troubleshooting/extensions.md: each extension's symptom reproduced with its exact text, and
the fix shown to work. The CORS entries are Chromium's words: tests/browser/test_cors_symptoms.py
checks their transcripts; here the same two apps are checked for the headers behind them."""

import json
from pathlib import Path

import pytest

from snippets.troubleshooting import extensions_symptoms as ext

TRANSCRIPTS = Path(ext.__file__).parent


def test_missing_user_loader(monkeypatch):
    assert ext.missing_user_loader() == (
        "Exception: Missing user_loader or request_loader. Refer to "
        "http://flask-login.readthedocs.io/#how-it-works for more info.")
    # the fix: a loader registered (here for this test only) and the page loads
    monkeypatch.setattr(ext.login_manager, "_user_callback", lambda user_id: ext.Account())
    client = ext.login_app.test_client()
    client.post("/login")
    assert client.get("/account").text == "your account"


def test_csrf_token_missing():
    response = ext.csrf_app.test_client().post("/comment", data={"text": "hi"})
    assert response.status_code == 400
    assert "<p>The CSRF token is missing.</p>" in response.text


def test_csrf_session_token_missing():
    # a token in the form, but no session cookie came back with it
    response = ext.csrf_app.test_client().post("/comment", data={"csrf_token": "x"})
    assert response.status_code == 400
    assert "<p>The CSRF session token is missing.</p>" in response.text


def test_csrf_tokens_do_not_match():
    assert ext.csrf_tokens_do_not_match() == "400 BAD REQUEST: The CSRF tokens do not match."
    assert ext.csrf_same_session_passes() == ("200 OK", "thanks")  # same session: accepted


def test_jwt_cookie_missing_csrf_token():
    assert ext.jwt_missing_csrf() == '401 UNAUTHORIZED {"msg":"Missing CSRF token"}'
    assert ext.jwt_missing_csrf(send_header=True) == '200 OK {"done":true}'


def test_jwt_missing_authorization_header():
    client = ext.header_jwt_app.test_client()
    response = client.get("/api/me")
    assert (response.status_code, response.json) == (401, {"msg": "Missing Authorization Header"})
    # a token in a cookie is not looked at: JWT_TOKEN_LOCATION is ["headers"] by default
    with ext.header_jwt_app.app_context():
        token = ext.create_access_token(identity="ada")
    client.set_cookie("access_token_cookie", token)
    assert client.get("/api/me").status_code == 401
    ok = client.get("/api/me", headers={"Authorization": f"Bearer {token}"})
    assert (ok.status_code, ok.json) == (200, {"user": "ada"})
    # a header without the "Bearer " prefix gets another message, as the page says
    bare = client.get("/api/me", headers={"Authorization": token})
    assert bare.status_code == 401
    assert bare.json["msg"].startswith("Missing 'Bearer' type in 'Authorization' header")


def test_only_an_error_page_flask_did_not_make_lacks_the_cors_headers():
    from flask import Flask
    from werkzeug.debug import DebuggedApplication
    from werkzeug.test import Client

    app = Flask("api")
    ext.CORS(app)

    @app.get("/boom")
    def boom():
        raise ValueError("a bug in the view")

    origin = {"Origin": "http://page.test"}
    handled = app.test_client().get("/boom", headers=origin)  # Flask's own 500
    assert handled.status_code == 500
    assert handled.headers["Access-Control-Allow-Origin"] == "http://page.test"
    app.debug = True  # `flask run --debug`: the debugger's page, made outside Flask
    debugger = Client(DebuggedApplication(app, evalex=False)).get("/boom", headers=origin)
    assert debugger.status_code == 500
    assert "Access-Control-Allow-Origin" not in debugger.headers


@pytest.mark.parametrize(("path", "origin_header"), [
    ("/private/count", None), ("/star/count", "*"), ("/public/count", "http://page.test")])
def test_the_cors_headers_behind_each_console_message(path, origin_header):
    response = ext.api_app.test_client().get(path, headers={"Origin": "http://page.test"})
    assert response.json == {"n": 3}  # the API answered every time: the browser withholds it
    assert response.headers.get("Access-Control-Allow-Origin") == origin_header
    assert "Access-Control-Allow-Credentials" not in response.headers


def test_the_page_that_fetches():
    html = ext.page_app.test_client().get("/").text
    assert "fetch(url, {credentials: mode" in html


@pytest.mark.parametrize(("name", "symptom"), [
    ("cors_no_allow_origin.txt",
     "'Access-Control-Allow-Origin' header is present on the requested resource."),
    ("cors_wildcard_with_credentials.txt",
     "be the wildcard '*' when the request's credentials mode is 'include'."),
    ("cors_credentials_not_allowed.txt",
     "'' which must be 'true' when the request's credentials mode is 'include'."),
    ("cors_allowed.txt", "the script: read 3"),  # the fix, shown under the first entry
])
def test_cors_transcripts_hold_the_message(name, symptom):
    # the Chromium run is tests/browser/test_cors_symptoms.py; this pins the recorded words
    assert symptom in (TRANSCRIPTS / name).read_text()


def test_limiter_in_memory_storage_warning():
    assert ext.limiter_in_memory_warning() == (
        "UserWarning: Using the in-memory storage for tracking rate limits as no storage was "
        "explicitly specified. This is not recommended for production use. See: "
        "https://flask-limiter.readthedocs.io#configuring-a-storage-backend for documentation "
        "about configuring the storage backend.")
    assert ext.limiter_with_storage_is_quiet() == ""  # naming a storage silences it


def test_caching_null_cache_warning():
    assert ext.caching_null_warning() == (
        "UserWarning: Flask-Caching: CACHE_TYPE is set to NullCache, caching is effectively "
        "disabled.\ncache type: NullCache")


def test_socketio_unsupported_protocol_version():
    client = ext.socketio_app.test_client()
    old = client.get("/socket.io/?EIO=3&transport=polling")  # a Socket.IO 2.x client
    assert old.status_code == 400
    assert json.loads(old.text) == ("The client is using an unsupported version of the Socket.IO or "
                        "Engine.IO protocols")
    new = client.get("/socket.io/?EIO=4&transport=polling")  # a 3.x/4.x client
    assert new.status_code == 200 and new.text.startswith("0{")
