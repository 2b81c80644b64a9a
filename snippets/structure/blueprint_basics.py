"""A complete blueprint: created in one place, registered on the app, addressed
by endpoint.
"""

# --8<-- [start:blueprint]
from flask import Blueprint, Flask, request, url_for

# the name prefixes every endpoint: "catalog.<view>"
catalog = Blueprint("catalog", __name__)

PRODUCTS = {1: "Teapot", 2: "Kettle"}


@catalog.get("/")
def list_products():
    # ".show_product" is relative: the same blueprint, wherever it was
    # registered
    return {
        "products": [
            url_for(".show_product", product_id=pid) for pid in PRODUCTS
        ]
    }


@catalog.get("/<int:product_id>")
def show_product(product_id):
    return {
        "name": PRODUCTS[product_id],
        "endpoint": request.endpoint,
        "blueprint": request.blueprint,
    }


# --8<-- [end:blueprint]


# --8<-- [start:register]
app = Flask(__name__)
app.register_blueprint(catalog, url_prefix="/products")


@app.get("/")
def home():
    # from outside: the full name
    return {"catalog": url_for("catalog.list_products")}


# --8<-- [end:register]
