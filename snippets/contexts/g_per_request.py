"""g lives on the app context: one per request, gone when the request ends."""

import sqlite3

from flask import Flask, g

app = Flask(__name__)


# --8<-- [start:counter]
@app.get("/hits")
def hits():
    # If g were a cache that survived between requests, this would count up.
    g.hits = g.get("hits", 0) + 1
    return {"hits": g.hits}
# --8<-- [end:counter]


# --8<-- [start:resource]
closed = []  # what the teardown closed, so a test can see it


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(":memory:")
    return g.db


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)  # None when this request never opened one
    if db is not None:
        db.close()
        closed.append(db)


@app.get("/db")
def uses_db_twice():
    first, second = get_db(), get_db()
    value = first.execute("select 40 + 2").fetchone()[0]
    return {"same_connection": first is second, "value": value}
# --8<-- [end:resource]


def hits_inside_one_outer_app_context():
    """Flask 3.1: a request reuses an app context that is already pushed for
    the same app."""
    client = app.test_client()
    # --8<-- [start:outer]
    with app.app_context():  # e.g. a pytest fixture that pushes one
        first = client.get("/hits").json
        second = client.get("/hits").json  # same app context, so the same g
    # --8<-- [end:outer]
    return f"first request: {first}\nsecond request: {second}"
