"""Server-side sessions with Flask-Session: the cookie holds a random id, the data stays here."""

from cachelib import SimpleCache
from flask import Flask, request, session
from flask_session import Session


# --8<-- [start:app]
def create_app():
    app = Flask(__name__)
    app.config.update(
        SESSION_TYPE="cachelib",
        SESSION_CACHELIB=SimpleCache(),  # one process only; Redis in production
        SESSION_COOKIE_SECURE=True,
        SESSION_COOKIE_SAMESITE="Lax",
    )
    Session(app)

    @app.post("/login")
    def login():
        session.clear()
        session["user"] = request.form["user"]
        return {"user": session["user"]}

    @app.get("/me")
    def me():
        return {"user": session.get("user")}

    @app.post("/logout")
    def logout():
        session.clear()  # the server-side record goes: old cookies are now worthless
        return {"user": None}

    return app
# --8<-- [end:app]


app = create_app()
