"""A signal of your own: the view announces an event, other modules react to
it."""

from blinker import Namespace
from flask import Flask, current_app, request

# --8<-- [start:define]
shop_signals = Namespace()  # one namespace for your app's signals
order_placed = shop_signals.signal("order-placed")
# --8<-- [end:define]

# --8<-- [start:send]
app = Flask(__name__)


@app.post("/orders")
def place_order():
    order = {"id": 17, "item": request.json["item"]}
    # Send the real app, not the current_app proxy, so receivers that filter
    # by app match.
    order_placed.send(current_app._get_current_object(), order=order)
    return order, 201
# --8<-- [end:send]

# --8<-- [start:receivers]
outbox = []  # stands in for an email service
stock = {"pen": 10, "ink": 5}


@order_placed.connect_via(app)
def send_confirmation(sender, order, **extra):
    outbox.append(f"order {order['id']} confirmed: {order['item']}")


@order_placed.connect_via(app)
def reserve_stock(sender, order, **extra):
    stock[order["item"]] -= 1
# --8<-- [end:receivers]
