"""Sessions and cookies: each symptom of docs/troubleshooting/sessions-and-cookies.md.

The server-side symptoms are reproduced with Flask's test client. The cookies a browser drops
are reproduced in Chromium by tests/browser/test_cookie_symptoms.py, which serves the apps of
`create_app()` on 127.0.0.1 and checks the transcripts the page shows."""

import os
import uuid
import warnings

from flask import Flask, session


def last_line(error):
    return f"{type(error).__name__}: {error}"


# --8<-- [start:login]
def login():
    session["user"] = "ada"
    return "logged in"
# --8<-- [end:login]


def create_app(**config):
    """A shop whose session settings the caller chooses."""
    app = Flask(__name__)
    app.config.update({"SECRET_KEY": "dev-only-not-secret", **config})

    @app.get("/")
    def home():
        return "<!doctype html><title>Corner Shop</title><p>Welcome</p>"

    app.add_url_rule("/login", view_func=login, methods=["POST"])

    @app.get("/whoami")
    def whoami():
        return session.get("user", "anonymous")

    # --8<-- [start:cart]
    @app.post("/cart/<item>")
    def add_to_cart(item):
        cart = session.setdefault("cart", [])
        cart.append(item)  # broken: mutates the list in place
        return {"cart": cart}

    @app.post("/cart-fixed/<item>")
    def add_to_cart_fixed(item):
        session["cart"] = [*session.get("cart", []), item]  # assigns
        return {"cart": session["cart"]}
    # --8<-- [end:cart]

    @app.get("/cart")
    def show_cart():
        return {"cart": session.get("cart", [])}

    # --8<-- [start:history]
    @app.post("/viewed/<product_id>")
    def viewed(product_id):  # "recently viewed", kept in the cookie
        history = session.get("viewed", [])
        session["viewed"] = [*history, product_id][-200:]
        return "ok"
    # --8<-- [end:history]

    return app


def no_secret_key():
    """A session write with no SECRET_KEY configured."""
    # --8<-- [start:no_key]
    app = Flask(__name__)  # no SECRET_KEY anywhere
    app.add_url_rule("/login", view_func=login, methods=["POST"])
    # --8<-- [end:no_key]
    app.testing = True  # the exception reaches us instead of a 500
    try:
        app.test_client().post("/login")
    except RuntimeError as error:
        return last_line(error)


def cart_transcript(prefix="/cart"):
    client = create_app().test_client()
    lines = []
    for method, path in (("POST", f"{prefix}/pen"), ("POST", f"{prefix}/ink"),
                         ("GET", "/cart")):
        response = client.open(path, method=method)
        lines.append(f"{method} {path:18} -> {response.json}")
    return "\n".join(lines)


def cart_fixed_transcript():
    return cart_transcript("/cart-fixed")


def too_large_warning(products=200):
    """Werkzeug's warning when the session cookie outgrows 4093 bytes."""
    client = create_app().test_client()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for number in range(products):
            client.post(f"/viewed/{uuid.uuid5(uuid.NAMESPACE_URL, str(number))}")
    first = caught[0]
    return f"{first.category.__name__}: {first.message}"


# --8<-- [start:random_key]
def create_instance():  # broken: every process invents its own key
    return create_app(SECRET_KEY=os.urandom(24))
# --8<-- [end:random_key]


def session_after_restart():
    """Log in on one instance, send the cookie to another (a restart, or a
    second worker): the signature does not verify, so the session is empty."""
    before, after = create_instance(), create_instance()
    login = before.test_client()
    login.post("/login")
    cookie = login.get_cookie("session").value
    lines = []
    for name, app in (("same instance ", before), ("other instance", after)):
        browser = app.test_client()
        browser.set_cookie("session", cookie)
        who = browser.get("/whoami").text
        lines.append(f"GET /whoami on the {name} -> {who}")
    return "\n".join(lines)
