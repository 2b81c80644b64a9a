"""Server-side sessions with Flask-Session: the cookie holds a random id,
the data stays here."""

from cachelib import SimpleCache
from flask import Flask, request, session
from flask_session import Session


# --8<-- [start:app]
def create_app(config=None):
    app = Flask(__name__)
    app.config.update(
        SESSION_TYPE="cachelib",
        SESSION_CACHELIB=SimpleCache(),  # one process only; Redis in production
        SESSION_COOKIE_NAME="__Host-session",
        SESSION_COOKIE_SECURE=True,
        SESSION_COOKIE_SAMESITE="Lax",
    )
    # e.g. SESSION_TYPE="redis" and SESSION_REDIS
    app.config.update(config or {})
    Session(app)

    @app.post("/login")
    def login():
        # (check the password here)
        session.clear()  # nothing from before the login is kept...
        session["user"] = request.form["user"]
        # ...not even the id: a planted one dies
        app.session_interface.regenerate(session)
        return {"user": session["user"]}

    @app.get("/me")
    def me():
        return {"user": session.get("user")}

    @app.post("/logout")
    def logout():
        # the server-side record goes: old cookies are now worthless
        session.clear()
        return {"user": None}

    return app
# --8<-- [end:app]


app = create_app()
