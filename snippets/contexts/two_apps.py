"""Two Flask apps in one process share one view function that never names an
app."""

from flask import Flask, current_app
from werkzeug.middleware.dispatcher import DispatcherMiddleware
from werkzeug.test import Client


# --8<-- [start:shared]
def home():
    # No `app` argument and no import of a global app: current_app is whichever
    # application is handling this request.
    greeting = current_app.config["GREETING"]
    return f"{greeting} (served by the {current_app.name!r} app)"


def create_app(name, greeting):
    app = Flask(name)
    app.config["GREETING"] = greeting
    app.add_url_rule("/", view_func=home)
    return app


shop = create_app("shop", "Welcome to the shop")
blog = create_app("blog", "Latest posts")
# --8<-- [end:shared]

# --8<-- [start:mounted]
# One WSGI callable, two apps: /blog/... goes to blog, everything else to shop.
site = DispatcherMiddleware(shop, {"/blog": blog})
# --8<-- [end:mounted]


def both_through_one_server():
    """Send / and /blog/ through the one mounted WSGI app; show each body."""
    client = Client(site)
    return "\n".join(
        f"GET {path:7} -> {client.get(path).text}" for path in ("/", "/blog/")
    )


# --8<-- [start:nested]
def nested_app_contexts():
    seen = []
    with shop.app_context():
        seen.append(f"outer block:   current_app is {current_app.name}")
        with blog.app_context():
            seen.append(f"inner block:   current_app is {current_app.name}")
        seen.append(f"back in outer: current_app is {current_app.name}")
    return "\n".join(seen)
# --8<-- [end:nested]
