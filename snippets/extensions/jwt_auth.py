"""Token authentication with Flask-JWT-Extended 4.7: access and refresh tokens,
JSON errors.
"""

import json
import warnings
from datetime import timedelta

import jwt as pyjwt
from flask import Flask, request
from flask_jwt_extended import (
    JWTManager,
    create_access_token,
    create_refresh_token,
    decode_token,
    get_jwt,
    get_jwt_identity,
    jwt_required,
)
from werkzeug.security import check_password_hash, generate_password_hash

# --8<-- [start:setup]
app = Flask(__name__)
# HS256 wants a key of 32 bytes or more; read it from the environment in real
# code.
app.config["JWT_SECRET_KEY"] = "demo-only-0123456789abcdef0123456789abcdef"
app.config["JWT_ACCESS_TOKEN_EXPIRES"] = timedelta(minutes=15)  # the default
app.config["JWT_REFRESH_TOKEN_EXPIRES"] = timedelta(days=30)  # the default
jwt = JWTManager(app)

USERS = {
    "alice": {"id": 1, "password_hash": generate_password_hash("wonderland")}
}
# --8<-- [end:setup]


# --8<-- [start:views]
@app.post("/login")
def login():
    data = request.get_json(silent=True) or {}
    user = USERS.get(data.get("username"))
    if user is None or not check_password_hash(
        user["password_hash"], str(data.get("password"))
    ):
        return {
            "error": "invalid_credentials",
            "message": "Wrong username or password.",
        }, 401
    identity = str(user["id"])  # the "sub" claim must be a string
    return {
        "access_token": create_access_token(identity=identity),
        "refresh_token": create_refresh_token(identity=identity),
    }


@app.post("/refresh")
@jwt_required(refresh=True)  # only a refresh token gets in
def refresh():
    return {"access_token": create_access_token(identity=get_jwt_identity())}


@app.get("/me")
@jwt_required()  # only an access token gets in
def me():
    return {"user_id": get_jwt_identity(), "token_type": get_jwt()["type"]}


# --8<-- [end:views]


# --8<-- [start:errors]
def problem(status, error, message, challenge=None):
    # RFC 6750 on a 401
    headers = {"WWW-Authenticate": challenge} if challenge else {}
    return {"error": error, "message": message}, status, headers


@jwt.unauthorized_loader  # no token where one is required
def missing_token(reason):
    return problem(401, "missing_token", reason, challenge="Bearer")


# malformed, bad signature, wrong type, non-string "sub"
@jwt.invalid_token_loader
def invalid_token(reason):
    return problem(422, "invalid_token", reason)


@jwt.expired_token_loader
def expired_token(jwt_header, jwt_payload):
    hint = (
        "Log in again."
        if jwt_payload["type"] == "refresh"
        else "Get a new one from /refresh."
    )
    message = f"The {jwt_payload['type']} token has expired. {hint}"
    return problem(
        401, "token_expired", message, challenge='Bearer error="invalid_token"'
    )


# --8<-- [end:errors]


# --8<-- [start:walkthrough]
def walkthrough():
    """Log in, use and refresh the tokens, then try ones that must fail."""
    client, lines = app.test_client(), []

    def call(method, path, token=None, **kwargs):
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = client.open(path, method=method, headers=headers, **kwargs)
        body = {
            k: v[:16] + "..." if k.endswith("_token") else v
            for k, v in response.json.items()
        }
        lines.append(
            f"{method} {path} -> {response.status}\n    {json.dumps(body)}"
        )
        return response.json

    call("POST", "/login", json={"username": "alice", "password": "guess"})
    tokens = call(
        "POST", "/login", json={"username": "alice", "password": "wonderland"}
    )
    call("GET", "/me", tokens["access_token"])
    # a refresh token is not an access token
    call("GET", "/me", tokens["refresh_token"])
    call("POST", "/refresh", tokens["access_token"])  # nor the other way round
    call("POST", "/refresh", tokens["refresh_token"])
    with app.app_context():
        expired = create_access_token(
            identity="1", expires_delta=timedelta(seconds=-1)
        )
        # created without complaint...
        int_subject = create_access_token(identity=1)
    call("GET", "/me", expired)
    call("GET", "/me", int_subject)  # ...and rejected on every use
    return "\n".join(lines)


# --8<-- [end:walkthrough]


# --8<-- [start:guards]
def what_it_guards():
    """Each JWT pitfall tried on this app.

    Which ones the extension closes, and which it leaves open.
    """
    client, lines = app.test_client(), []

    def me(token):
        response = client.get(
            "/me", headers={"Authorization": f"Bearer {token}"}
        )
        return f"{response.status} {response.json.get('message', '')}".rstrip()

    def claims(token):  # reading a JWT needs no key
        return pyjwt.decode(token, options={"verify_signature": False})

    unsigned = pyjwt.encode(
        {"sub": "1", "type": "access"}, None, algorithm="none"
    )
    lines.append(f'alg "none" token          -> {me(unsigned)}')
    with app.app_context():
        lines.append(
            f'"exp" in a default token  -> '
            f"{'exp' in claims(create_access_token('1'))}"
        )
        # no "exp" claim at all
        forever = create_access_token("1", expires_delta=False)
        leaky = create_access_token(
            "1", additional_claims={"password": "hunter2"}
        )
    lines.append(f'token without "exp"       -> {me(forever)}')
    lines.append(
        f"password in a claim       -> {claims(leaky)['password']!r}, "
        "read with no key"
    )

    weak = Flask(__name__)
    weak.config["JWT_SECRET_KEY"] = "secret"  # 6 bytes
    JWTManager(weak)
    with weak.app_context(), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        sub = decode_token(create_access_token("1"))["sub"]
    warned = sorted({w.category.__name__ for w in caught})
    lines.append(
        f'JWT_SECRET_KEY = "secret" -> issued and decoded (sub={sub!r}), '
        f"warns {warned}"
    )
    return "\n".join(lines)


# --8<-- [end:guards]
