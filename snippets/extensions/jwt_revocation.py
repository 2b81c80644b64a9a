"""Flask-JWT-Extended 4.7 with Redis: a jti blocklist with TTLs, refresh-token
rotation, reuse detection.
"""

import time
import uuid
from datetime import timedelta

import redis
from flask import Flask, current_app
from flask_jwt_extended import (
    JWTManager,
    create_access_token,
    create_refresh_token,
    get_jwt,
    get_jwt_identity,
    jwt_required,
)


class DictStore:
    """The two Redis commands used below, for the site build, which has no Redis
    server.
    """

    def __init__(self):
        self.data = {}

    def set(self, key, value, ex=None, nx=False):
        if nx and key in self.data:
            return None
        self.data[key] = value
        return True

    def exists(self, *keys):
        return sum(key in self.data for key in keys)


# --8<-- [start:setup]
jwt = JWTManager()


def create_app(redis_url=None):
    app = Flask(__name__)
    app.config.update(
        JWT_SECRET_KEY="demo-only-0123456789abcdef0123456789abcdef",
        JWT_ACCESS_TOKEN_EXPIRES=timedelta(minutes=15),
        JWT_REFRESH_TOKEN_EXPIRES=timedelta(days=30),
    )
    jwt.init_app(app)
    app.extensions["tokens"] = (
        redis.Redis.from_url(redis_url) if redis_url else DictStore()
    )
    register_views(app)
    return app


def store():
    return current_app.extensions["tokens"]


def seconds_left(payload):
    # the entry lives as long as the token
    return max(int(payload["exp"] - time.time()), 1)


# runs on every protected request, after the signature check
@jwt.token_in_blocklist_loader
def is_revoked(jwt_header, jwt_payload):
    keys = [f"revoked:{jwt_payload['jti']}"]
    if "family" in jwt_payload:
        keys.append(f"family-revoked:{jwt_payload['family']}")
    return store().exists(*keys) > 0


# --8<-- [end:setup]


def register_views(app):
    # --8<-- [start:views]
    def token_pair(identity, family):
        # every refresh token of one login shares a family
        claims = {"family": family}
        return {
            "access_token": create_access_token(
                identity, additional_claims=claims
            ),
            "refresh_token": create_refresh_token(
                identity, additional_claims=claims
            ),
        }

    @app.post("/login")
    # the password check is on the JWT page; here every login is "1"
    def login():
        return token_pair("1", family=uuid.uuid4().hex)

    @app.post("/logout")
    # send the access token, then the refresh token
    @jwt_required(verify_type=False)
    def logout():
        payload = get_jwt()
        store().set(
            f"revoked:{payload['jti']}", "logout", ex=seconds_left(payload)
        )
        return {"revoked": payload["type"]}

    @app.post("/refresh")
    @jwt_required(refresh=True)
    def refresh():
        payload = get_jwt()
        first_use = store().set(
            f"used:{payload['jti']}", "1", ex=seconds_left(payload), nx=True
        )
        # a refresh token came back a second time: someone has a copy
        if not first_use:
            ttl = int(
                current_app.config["JWT_REFRESH_TOKEN_EXPIRES"].total_seconds()
            )
            store().set(f"family-revoked:{payload['family']}", "reuse", ex=ttl)
            return {"error": "token_reused", "message": "Log in again."}, 401
        # rotate
        return token_pair(get_jwt_identity(), family=payload["family"])

    @app.get("/me")
    @jwt_required()
    def me():
        return {"user_id": get_jwt_identity()}

    # --8<-- [end:views]


# --8<-- [start:walkthrough]
def walkthrough(app=None):
    """Log out, then rotate refresh tokens until a stolen copy is replayed."""
    app, lines = app or create_app(), []
    client = app.test_client()

    def call(method, path, token):
        response = client.open(
            path, method=method, headers={"Authorization": f"Bearer {token}"}
        )
        body = {
            k: v[:10] + "..." if k.endswith("_token") else v
            for k, v in response.json.items()
        }
        lines.append(f"{method} {path:8} -> {response.status_code} {body}")
        return response.json

    first = client.post("/login").json
    call("GET", "/me", first["access_token"])
    call("POST", "/logout", first["access_token"])
    call("GET", "/me", first["access_token"])  # revoked before its exp
    lines.append("-- a new login; an attacker copies its refresh token")
    stolen = client.post("/login").json["refresh_token"]
    rotated = call("POST", "/refresh", stolen)  # the user refreshes: a new pair
    call("POST", "/refresh", stolen)  # the attacker replays the old one: reuse
    # and the whole family is dead
    call("POST", "/refresh", rotated["refresh_token"])
    call("GET", "/me", rotated["access_token"])
    return "\n".join(lines)


# --8<-- [end:walkthrough]
