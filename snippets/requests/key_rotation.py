"""Rotating SECRET_KEY with SECRET_KEY_FALLBACKS (Flask 3.1.0; signing order
fixed in 3.1.1).
"""

from flask import Flask, request, session


# --8<-- [start:factory]
def create_app(secret_key, fallbacks=()):
    app = Flask(__name__)
    app.config["SECRET_KEY"] = secret_key  # signs new cookies
    app.config["SECRET_KEY_FALLBACKS"] = list(
        fallbacks
    )  # still accepted when reading

    @app.post("/login")
    def login():
        session["user"] = request.form["name"]
        return {"user": session["user"]}

    @app.get("/me")
    def me():
        return {"user": session.get("user")}

    return app


# --8<-- [end:factory]


# --8<-- [start:demo]
def who(app, cookie):
    client = app.test_client()
    client.set_cookie("session", cookie)
    return client.get("/me").json["user"]


def issue(app, name):
    client = app.test_client()
    client.post("/login", data={"name": name})
    return client.get_cookie("session").value


def demo():
    before = create_app("key-2024")
    during = create_app("key-2025", fallbacks=["key-2024"])
    after = create_app("key-2025")

    old_cookie = issue(before, "ada")
    new_cookie = issue(during, "grace")
    return "\n".join(
        [
            f"old cookie, app during rotation: {who(during, old_cookie)}",
            f"new cookie, app with only key-2025: {who(after, new_cookie)}",
            f"new cookie, app with only key-2024: {who(before, new_cookie)}",
            f"old cookie, fallback removed: {who(after, old_cookie)}",
        ]
    )


# --8<-- [end:demo]
