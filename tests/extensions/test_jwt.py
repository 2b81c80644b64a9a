"""Flask-JWT-Extended 4.7: tokens, string identities, and every failure as clear JSON."""

from datetime import timedelta

import jwt as pyjwt
import pytest
from flask import Flask
from flask_jwt_extended import JWTManager, create_access_token, create_refresh_token, jwt_required

from snippets.extensions.jwt_auth import app, walkthrough, what_it_guards


@pytest.fixture
def client():
    return app.test_client()


def login(client):
    response = client.post("/login", json={"username": "alice", "password": "wonderland"})
    assert response.status_code == 200
    return response.json


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def test_login_returns_an_access_and_a_refresh_token_with_a_string_subject(client):
    tokens = login(client)
    access = pyjwt.decode(tokens["access_token"], app.config["JWT_SECRET_KEY"], algorithms=["HS256"])
    refresh = pyjwt.decode(tokens["refresh_token"], app.config["JWT_SECRET_KEY"], algorithms=["HS256"])
    assert (access["sub"], access["type"], refresh["type"]) == ("1", "access", "refresh")
    assert access["exp"] - access["iat"] == 15 * 60
    assert refresh["exp"] - refresh["iat"] == 30 * 24 * 3600
    assert client.get("/me", headers=bearer(tokens["access_token"])).json == {
        "user_id": "1", "token_type": "access"}


def test_wrong_password_and_a_non_json_body_get_401(client):
    for kwargs in ({"json": {"username": "alice", "password": "guess"}}, {"data": "x"}):
        response = client.post("/login", **kwargs)
        assert response.status_code == 401
        assert response.json["error"] == "invalid_credentials"


def test_refresh_token_buys_a_new_access_token_and_nothing_else(client):
    tokens = login(client)
    response = client.post("/refresh", headers=bearer(tokens["refresh_token"]))
    assert response.status_code == 200
    assert client.get("/me", headers=bearer(response.json["access_token"])).status_code == 200
    wrong_way = client.get("/me", headers=bearer(tokens["refresh_token"]))
    assert wrong_way.status_code == 422
    assert wrong_way.json["message"] == "Only non-refresh tokens are allowed"
    access_on_refresh = client.post("/refresh", headers=bearer(tokens["access_token"]))
    assert access_on_refresh.status_code == 422
    assert access_on_refresh.json["message"] == "Only refresh tokens are allowed"


def test_missing_token_is_401_with_a_bearer_challenge(client):
    response = client.get("/me")
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert response.json == {"error": "missing_token", "message": "Missing Authorization Header"}
    wrong_scheme = client.get("/me", headers={"Authorization": "Token abc"})
    assert wrong_scheme.status_code == 401
    assert "Missing 'Bearer' type" in wrong_scheme.json["message"]


def test_malformed_token_is_422(client):
    response = client.get("/me", headers=bearer("not-a-jwt"))
    assert response.status_code == 422
    assert response.json == {"error": "invalid_token", "message": "Not enough segments"}
    assert "WWW-Authenticate" not in response.headers


def test_token_signed_with_another_key_is_422(client):
    forged = pyjwt.encode({"sub": "1", "type": "access"}, "x" * 32, algorithm="HS256")
    response = client.get("/me", headers=bearer(forged))
    assert response.status_code == 422
    assert response.json["message"] == "Signature verification failed"


def test_expired_tokens_are_401_and_say_what_to_do(client):
    with app.app_context():
        access = create_access_token(identity="1", expires_delta=timedelta(seconds=-1))
        refresh = create_refresh_token(identity="1", expires_delta=timedelta(seconds=-1))
    response = client.get("/me", headers=bearer(access))
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == 'Bearer error="invalid_token"'
    assert response.json == {"error": "token_expired",
                             "message": "The access token has expired. Get a new one from /refresh."}
    response = client.post("/refresh", headers=bearer(refresh))
    assert response.status_code == 401
    assert response.json["message"] == "The refresh token has expired. Log in again."


def test_int_identity_is_accepted_when_created_but_rejected_with_422_when_used(client):
    with app.app_context():
        token = create_access_token(identity=1)
    response = client.get("/me", headers=bearer(token))
    assert response.status_code == 422
    assert response.json["message"] == "Subject must be a string"


def test_int_identity_with_the_default_callbacks_is_422_subject_must_be_a_string():
    plain = Flask(__name__)
    plain.config["JWT_SECRET_KEY"] = "k" * 32
    JWTManager(plain)
    plain.add_url_rule("/p", "p", jwt_required()(lambda: "ok"))
    with plain.app_context():
        token = create_access_token(identity=1)
    response = plain.test_client().get("/p", headers=bearer(token))
    assert response.status_code == 422
    assert response.json == {"msg": "Subject must be a string"}
    assert plain.test_client().get("/p").json == {"msg": "Missing Authorization Header"}


def test_a_short_secret_is_a_warning_from_pyjwt():
    short = Flask(__name__)
    short.config["JWT_SECRET_KEY"] = "secret"
    JWTManager(short)
    with short.app_context(), pytest.warns(pyjwt.warnings.InsecureKeyLengthWarning):
        create_access_token(identity="1")


def test_walkthrough_shows_each_outcome():
    text = walkthrough()
    assert text.count("-> 200 OK") == 3
    assert "POST /login -> 401 UNAUTHORIZED" in text
    assert "Subject must be a string" in text
    assert "The access token has expired" in text


def test_jwt_verify_sub_false_accepts_the_legacy_int_subject():
    legacy = Flask(__name__)
    legacy.config.update(JWT_SECRET_KEY="k" * 32, JWT_VERIFY_SUB=False)
    JWTManager(legacy)
    legacy.add_url_rule("/p", "p", jwt_required()(lambda: "ok"))
    with legacy.app_context():
        token = create_access_token(identity=1)
    assert legacy.test_client().get("/p", headers=bearer(token)).status_code == 200


def test_defaults_secret_key_fallback_lifetimes_and_cookie_csrf():
    bare = Flask(__name__)
    bare.config["SECRET_KEY"] = "s" * 32  # no JWT_SECRET_KEY: the extension falls back to this
    manager = JWTManager(bare)
    assert bare.config["JWT_ACCESS_TOKEN_EXPIRES"] == timedelta(minutes=15)
    assert bare.config["JWT_REFRESH_TOKEN_EXPIRES"] == timedelta(days=30)
    assert bare.config["JWT_COOKIE_CSRF_PROTECT"] is True
    assert bare.config["JWT_VERIFY_SUB"] is True
    with bare.app_context():
        token = create_access_token(identity="7")
    assert pyjwt.decode(token, "s" * 32, algorithms=["HS256"])["sub"] == "7"

    manager.token_in_blocklist_loader(lambda header, payload: payload["sub"] == "7")
    bare.add_url_rule("/p", "p", jwt_required()(lambda: "ok"))
    bare.add_url_rule("/fresh", "fresh", jwt_required(fresh=True)(lambda: "ok"))
    client = bare.test_client()
    revoked = client.get("/p", headers=bearer(token))
    assert (revoked.status_code, revoked.json) == (401, {"msg": "Token has been revoked"})
    with bare.app_context():
        other = create_access_token(identity="8")  # fresh=False is the default
    stale = client.get("/fresh", headers=bearer(other))
    assert (stale.status_code, stale.json) == (401, {"msg": "Fresh token required"})


def test_the_extension_pins_the_algorithm_but_accepts_weak_keys_readable_secrets_and_no_exp():
    assert what_it_guards().splitlines() == [
        'alg "none" token          -> 422 UNPROCESSABLE ENTITY The specified alg value is not allowed',
        '"exp" in a default token  -> True',
        'token without "exp"       -> 200 OK',  # decoding does not require the claim
        "password in a claim       -> 'hunter2', read with no key",
        # the extension signs with a 6-byte key; PyJWT only warns
        """JWT_SECRET_KEY = "secret" -> issued and decoded (sub='1'), warns ['InsecureKeyLengthWarning']""",
    ]


def test_jwt_access_token_expires_false_issues_tokens_without_exp():
    never = Flask(__name__)
    never.config.update(JWT_SECRET_KEY="k" * 32, JWT_ACCESS_TOKEN_EXPIRES=False)
    JWTManager(never)
    with never.app_context():
        token = create_access_token(identity="1")
    assert "exp" not in pyjwt.decode(token, "k" * 32, algorithms=["HS256"])


def test_an_rfc_6750_invalid_token_callback_is_one_line_away():
    def protected_app():
        rfc = Flask(__name__)
        rfc.config["JWT_SECRET_KEY"] = "k" * 32
        rfc.add_url_rule("/p", "p", jwt_required()(lambda: "ok"))
        return rfc, JWTManager(rfc)

    default, _ = protected_app()  # the extension's own callbacks
    response = default.test_client().get("/p", headers=bearer("not-a-jwt"))
    assert response.status_code == 422 and "WWW-Authenticate" not in response.headers

    rfc, manager = protected_app()
    manager.invalid_token_loader(
        lambda reason: ({"msg": reason}, 401, {"WWW-Authenticate": 'Bearer error="invalid_token"'}))
    response = rfc.test_client().get("/p", headers=bearer("not-a-jwt"))
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == 'Bearer error="invalid_token"'
