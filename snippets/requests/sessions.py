"""Flask's default session: a signed cookie holding a small dict."""

from datetime import timedelta

from flask import Flask, request, session

app = Flask(__name__)
# --8<-- [start:config]
app.config.update(
    # production: a long random value from the environment
    SECRET_KEY="dev-only-not-a-secret",
    PERMANENT_SESSION_LIFETIME=timedelta(days=14),
    SESSION_COOKIE_SECURE=True,  # HTTPONLY is already True by default
    SESSION_COOKIE_SAMESITE="Lax",
)
# --8<-- [end:config]


# --8<-- [start:login]
@app.post("/login")
def login():
    session.clear()  # drop whatever the visitor had before
    session["user"] = request.form["name"]
    session.permanent = "remember" in request.form  # Expires = now + lifetime
    return {"user": session["user"], "permanent": session.permanent}


@app.get("/me")
def me():
    return {"user": session.get("user")}


@app.post("/logout")
def logout():
    session.clear()  # an emptied session deletes the cookie
    return {"user": None}


# --8<-- [end:login]


# --8<-- [start:mutation]
@app.post("/history/forgetful")
def add_history_forgetful():
    session.setdefault("history", []).append(request.form["page"])
    # Appending changes the list, not the session: nothing marks it modified
    # once "history" exists, so the cookie is not rewritten.
    return {"history": session["history"]}


@app.post("/history")
def add_history():
    session.setdefault("history", []).append(request.form["page"])
    session.modified = True  # tell Flask to write the cookie again
    return {"history": session["history"]}


@app.get("/history")
def show_history():
    return {"history": session.get("history", [])}


# --8<-- [end:mutation]
