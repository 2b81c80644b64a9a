"""current_app is a LocalProxy: what it fakes, what it cannot, and
_get_current_object()."""

from concurrent.futures import ThreadPoolExecutor

from blinker import Namespace
from flask import Flask, current_app, globals as flask_globals

app = Flask(__name__)
app.config["SHOP_NAME"] = "Corner Shop"


# --8<-- [start:facts]
def proxy_facts():
    with app.app_context():
        real = current_app._get_current_object()
        rows = [
            (
                "type(flask.globals._cv_app)",
                type(flask_globals._cv_app).__name__,
            ),
            ("type(current_app)", type(current_app).__name__),
            ("isinstance(current_app, Flask)", isinstance(current_app, Flask)),
            ("type(current_app) is Flask", type(current_app) is Flask),
            ("current_app == app", current_app == app),
            ("current_app is app", current_app is app),
            ("current_app._get_current_object() is app", real is app),
        ]
        return "\n".join(f"{label:34} -> {value}" for label, value in rows)
# --8<-- [end:facts]


# --8<-- [start:signal]
signals = Namespace()
order_placed = signals.signal("order-placed")
received = []


@order_placed.connect_via(app)  # only for signals whose sender is this app
def record_order(sender, **extra):
    received.append(extra["order_id"])


@app.post("/orders/<int:order_id>")
def place_order(order_id):
    order_placed.send(current_app._get_current_object(), order_id=order_id)
    return {"received": received}
# --8<-- [end:signal]


def signal_sent_with_the_proxy():
    """blinker matches the sender by identity; the proxy is a different
    object."""
    received.clear()
    with app.app_context():
        order_placed.send(current_app, order_id=1)
        through_proxy = list(received)
        order_placed.send(current_app._get_current_object(), order_id=2)
    return (
        "sent with current_app:                      "
        f"received {through_proxy}\n"
        f"sent with current_app._get_current_object(): received {received}"
    )


# --8<-- [start:thread]
executor = ThreadPoolExecutor(max_workers=1)


def shop_name(some_app):
    return some_app.config["SHOP_NAME"]


def hand_app_to_a_thread():
    with app.app_context():
        real_app = current_app._get_current_object()
        works = executor.submit(shop_name, real_app).result()
        try:
            executor.submit(shop_name, current_app).result()
        except RuntimeError as exc:
            fails = f"RuntimeError: {str(exc).splitlines()[0]}"
    return f"real app object: {works!r}\nthe proxy:       {fails}"
# --8<-- [end:thread]
