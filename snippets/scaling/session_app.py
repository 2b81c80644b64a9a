"""Server-side sessions in Redis with Flask-Session: any instance can serve
any request."""

import os

from flask import Flask, request, session
from flask_session import Session
from redis import Redis


# --8<-- [start:app]
def create_app(redis_url=None, server_side=True):
    app = Flask(__name__)
    app.config["SECRET_KEY"] = os.environ.get(
        "SECRET_KEY", "dev only: set SECRET_KEY"
    )
    instance = os.environ.get("INSTANCE_ID", "local")
    if server_side:
        app.config["SESSION_TYPE"] = "redis"
        app.config["SESSION_REDIS"] = Redis.from_url(
            redis_url or os.environ["REDIS_URL"]
        )
        app.config["SESSION_KEY_PREFIX"] = "shop-session:"
        Session(app)  # the cookie now holds only a random session id

    @app.post("/login")
    def login():
        # (check the password here)
        session.clear()  # keep nothing from before the login...
        session["user"] = request.form["user"]
        # ...not even the id: one planted in the browser now opens nothing
        if server_side:
            app.session_interface.regenerate(session)
        return {"instance": instance}

    @app.get("/whoami")
    def whoami():
        session["hits"] = session.get("hits", 0) + 1
        return {
            "instance": instance,
            "user": session.get("user"),
            "hits": session["hits"],
        }

    return app
# --8<-- [end:app]
