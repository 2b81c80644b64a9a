"""redirect(): the default code, and when to pick another one."""

from flask import Flask, redirect, url_for

app = Flask(__name__)

ORDERS = {}


# --8<-- [start:default]
@app.get("/blog")
def blog():
    return "the blog"


@app.get("/news")
def news():
    return redirect(url_for("blog"))  # 302 Found in Flask 3.1
# --8<-- [end:default]


# --8<-- [start:codes]
# the URL moved for good: clients and search engines may remember it
@app.get("/weblog")
def weblog():
    return redirect(url_for("blog"), code=301)


@app.post("/orders")
def create_order():  # Post/Redirect/Get: "see the result over there, with GET"
    order_id = len(ORDERS) + 1
    ORDERS[order_id] = "new"
    return redirect(url_for("show_order", order_id=order_id), code=303)


@app.get("/orders/<int:order_id>")
def show_order(order_id):
    return {"order": order_id, "status": ORDERS[order_id]}
# --8<-- [end:codes]
