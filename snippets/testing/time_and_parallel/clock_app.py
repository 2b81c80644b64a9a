"""An app with three clocks: a permanent session, a signed token, a limit."""

import datetime as dt

from flask import Flask, abort, session
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from itsdangerous import BadSignature, URLSafeTimedSerializer


def create_app():
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY="test-only",
        PERMANENT_SESSION_LIFETIME=dt.timedelta(minutes=30),
    )
    limiter = Limiter(get_remote_address, app=app, storage_uri="memory://")
    tokens = URLSafeTimedSerializer(app.secret_key, salt="download")

    @app.post("/login")
    def login():
        session.permanent = True  # expires 30 minutes after the last request
        session["user"] = "ada"
        return {"user": "ada"}

    @app.get("/me")
    def me():
        return {"user": session.get("user")}

    @app.get("/link")
    def link():
        return {"token": tokens.dumps("report.pdf")}

    @app.get("/download/<token>")
    def download(token):
        try:
            return {"file": tokens.loads(token, max_age=600)}
        except BadSignature:
            abort(410)

    @app.get("/search")
    @limiter.limit("3 per minute")
    def search():
        return {"results": []}

    return app
