"""abort(), handlers for codes and for exception classes, and a JSON API's error
format.
"""

from flask import Flask, abort, json
from werkzeug.exceptions import HTTPException

app = Flask(__name__)

ORDERS = {1: {"id": 1, "sku": "pen", "status": "open"}}


# --8<-- [start:abort]
@app.get("/orders/")
def list_orders():
    return list(ORDERS.values())


@app.get("/orders/<int:order_id>")
def get_order(order_id):
    if order_id not in ORDERS:
        abort(404, description=f"no order {order_id}")  # raises NotFound
    return ORDERS[order_id]


# --8<-- [end:abort]


# --8<-- [start:domain]
class OutOfStock(Exception):
    def __init__(self, sku):
        super().__init__(sku)
        self.sku = sku


@app.errorhandler(OutOfStock)  # a class: matched along the MRO
def out_of_stock(error):
    return {"error": "out_of_stock", "sku": error.sku}, 409


@app.post("/orders/<int:order_id>/ship")
def ship(order_id):
    order = ORDERS.get(order_id) or abort(404)
    raise OutOfStock(order["sku"])  # pretend the warehouse is empty


# --8<-- [end:domain]


# --8<-- [start:json]
@app.errorhandler(
    HTTPException
)  # every 4xx/5xx Werkzeug raises or abort() raises
def http_error_as_json(error):
    response = (
        error.get_response()
    )  # keeps the status and headers such as Allow
    response.set_data(
        json.dumps(
            {
                "error": error.name,
                "status": error.code,
                "detail": error.description,
            }
        )
    )
    response.content_type = "application/json"
    return response


# --8<-- [end:json]
