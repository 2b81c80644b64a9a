"""Flask-JWT-Extended in cookie mode: the flags on each cookie, the double-submit CSRF check."""

from flask import Flask
from flask_jwt_extended import JWTManager, create_access_token, jwt_required, set_access_cookies

from snippets.extensions.jwt_cookies import app, cookie_flags, csrf_flow


def cookies(response):
    return {header.split("=", 1)[0]: header for header in response.headers.getlist("Set-Cookie")}


def test_the_token_cookies_are_httponly_and_the_csrf_cookies_are_not():
    set_cookie = cookies(app.test_client().post("/login"))
    assert set(set_cookie) == {"access_token_cookie", "refresh_token_cookie",
                               "csrf_access_token", "csrf_refresh_token"}
    for name, header in set_cookie.items():
        assert "Secure" in header and "SameSite=Lax" in header
        assert ("HttpOnly" in header) == name.endswith("_token_cookie")  # scripts read only CSRF
    assert "Path=/refresh" in set_cookie["refresh_token_cookie"]
    assert "Expires" not in set_cookie["access_token_cookie"]  # JWT_SESSION_COOKIE: a browser session


def test_the_defaults_are_not_secure_and_set_no_samesite():
    plain = Flask(__name__)
    plain.config.update(JWT_SECRET_KEY="x" * 32, JWT_TOKEN_LOCATION=["cookies"])
    JWTManager(plain)
    with plain.test_request_context():
        response = plain.json.response({})
        set_access_cookies(response, create_access_token("1"))
    header = cookies(response)["access_token_cookie"]
    assert "Secure" not in header and "SameSite" not in header and "HttpOnly" in header


def test_a_post_needs_the_csrf_cookie_repeated_in_a_header():
    lines = csrf_flow().splitlines()
    assert "-> 403 {'error': 'csrf_failed', 'message': 'Missing CSRF token'}" in lines[0]
    assert "CSRF double submit tokens do not match" in lines[1]
    assert lines[2].endswith("-> 200 {'done': True}")
    assert lines[3].endswith("-> 200")


def test_the_csrf_value_is_also_inside_the_token():
    client = app.test_client()
    client.post("/login")
    from flask_jwt_extended import decode_token

    with app.app_context():
        claims = decode_token(client.get_cookie("access_token_cookie").value)
    assert claims["csrf"] == client.get_cookie("csrf_access_token").value


def test_without_a_handler_a_csrf_error_goes_to_the_unauthorized_loader():
    plain = Flask(__name__)
    plain.config.update(JWT_SECRET_KEY="x" * 32, JWT_TOKEN_LOCATION=["cookies"])
    jwt, reasons = JWTManager(plain), []

    @jwt.unauthorized_loader
    def missing(reason):  # the callback a header-token app writes for "no token"
        reasons.append(reason)
        return {"error": "missing_token"}, 401, {"WWW-Authenticate": "Bearer"}

    @plain.post("/login")
    def login():
        response = plain.json.response({})
        set_access_cookies(response, create_access_token("1"))
        return response

    plain.post("/transfer")(jwt_required()(lambda: {"done": True}))
    client = plain.test_client()
    client.post("/login")
    response = client.post("/transfer")  # a token is there; only the CSRF header is missing
    assert response.status_code == 401 and response.json == {"error": "missing_token"}
    assert reasons == ["Missing CSRF token"]


def test_logout_clears_all_four_cookies():
    client = app.test_client()
    client.post("/login")
    client.post("/logout")
    assert [client.get_cookie(n) for n in ("access_token_cookie", "csrf_access_token")] == [None, None]
    assert client.get_cookie("refresh_token_cookie", path="/refresh") is None
    assert "csrf_access_token" in cookie_flags()
