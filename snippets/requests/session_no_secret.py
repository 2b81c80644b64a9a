"""A session without SECRET_KEY: reading works, writing fails."""

from flask import Flask, session

# --8<-- [start:app]
app = Flask(__name__)  # no SECRET_KEY


@app.get("/read")
def read():
    return {"user": session.get("user")}  # an empty, read-only session


@app.post("/write")
def write():
    session["user"] = "ada"  # raises RuntimeError: no secret key was set


# --8<-- [end:app]
