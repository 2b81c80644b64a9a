"""Passing data between routes: URL, query string, body, session, g, cookies,
redirects.
"""

from flask import Flask, abort, g, redirect, request, session, url_for

app = Flask(__name__)
app.config["SECRET_KEY"] = (
    "dev-only-not-a-secret"  # sessions are signed with it
)

PRODUCTS = {1: "pen", 2: "notebook", 3: "stapler"}


# --8<-- [start:g]
@app.before_request
def load_shopper():
    # g lives for one request: set here, read by the view, gone afterwards.
    g.shopper = session.get("shopper", "guest")


# --8<-- [end:g]


# --8<-- [start:url]
@app.get("/products/<int:product_id>")  # path: which resource
def show_product(product_id):
    if product_id not in PRODUCTS:
        abort(404)
    return {
        "id": product_id,
        "name": PRODUCTS[product_id],
        "shopper": g.shopper,
    }


@app.get("/products")  # query: how to look at it
def list_products():
    prefix = request.args.get("starts_with", "")
    limit = request.args.get("limit", 10, type=int)
    names = [n for n in PRODUCTS.values() if n.startswith(prefix)]
    return {"names": names[:limit]}


# --8<-- [end:url]


# --8<-- [start:body]
@app.post("/login")  # form body: what the user typed
def login():
    session["shopper"] = request.form.get("name", "guest")
    return redirect(url_for("show_cart"))


@app.post("/cart")
def add_to_cart():
    product_id = request.form.get("product_id", type=int)
    if product_id not in PRODUCTS:
        abort(400)
    session["cart"] = [
        *session.get("cart", []),
        product_id,
    ]  # reassign: marks it modified
    # Pass a one-off value to the next route in its query string.
    return redirect(url_for("show_cart", added=product_id))


@app.get("/cart")
def show_cart():
    return {
        "shopper": g.shopper,
        "cart": [PRODUCTS[i] for i in session.get("cart", [])],
        "just_added": request.args.get("added", type=int),
    }


# --8<-- [end:body]


# --8<-- [start:json]
@app.put("/cart")  # JSON body: what an API client sends
def replace_cart():
    data = request.get_json(silent=True) or {}
    ids = [i for i in data.get("product_ids", []) if i in PRODUCTS]
    session["cart"] = ids
    return {"cart": [PRODUCTS[i] for i in ids]}


# --8<-- [end:json]


# --8<-- [start:g_counter]
@app.get("/g-counter")
def g_counter():
    g.hits = g.get("hits", 0) + 1  # starts again from 0 whenever g is fresh
    return {"hits": g.hits}


# --8<-- [end:g_counter]


# --8<-- [start:g_demo]
def g_between_requests():
    client = app.test_client()
    plain = [client.get("/g-counter").json["hits"] for _ in range(2)]
    with app.app_context():  # what many pytest fixtures do around the client
        shared = [client.get("/g-counter").json["hits"] for _ in range(2)]
    return (
        f"two requests:                          hits {plain}\n"
        f"two requests inside app.app_context(): hits {shared}"
    )


# --8<-- [end:g_demo]
