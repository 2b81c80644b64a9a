"""Jinja scoping: set inside a loop, namespace(), loop.cycle, loop.changed and
with.
"""

from flask import Flask, render_template

app = Flask(__name__)
ORDERS = [
    {"day": "Mon", "item": "pen", "total": 3},
    {"day": "Mon", "item": "ink", "total": 7},
    {"day": "Tue", "item": "pad", "total": 4},
    {"day": "Wed", "item": "nib", "total": 2},
]


# --8<-- [start:views]
@app.get("/counter")
def counter():
    return render_template("counter.html", orders=ORDERS)


@app.get("/table")
def table():
    return render_template("table.html", orders=ORDERS)


@app.get("/with")
def with_block():
    return render_template("with.html", orders=ORDERS)


# --8<-- [end:views]
