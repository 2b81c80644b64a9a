"""Template inheritance (extends, block, super()), include and macros."""

from flask import Flask, abort, render_template

app = Flask(__name__)

PRODUCTS = {
    "lamp": {"name": "Desk lamp", "price": 39.5, "stock": 3},
    "chair": {"name": "Office chair", "price": 189.0, "stock": 0},
}


# --8<-- [start:views]
@app.get("/")
def home():
    return render_template("home.html", products=PRODUCTS)


@app.get("/products/<slug>")
def product(slug):
    if slug not in PRODUCTS:
        abort(404)
    return render_template("product.html", product=PRODUCTS[slug])


# --8<-- [end:views]
