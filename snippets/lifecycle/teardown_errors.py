"""A teardown function that raises on Flask 3.1: what still runs, and what
reaches the caller."""

from flask import Flask, request_tearing_down

ran = []  # what each teardown step did, in order

# --8<-- [start:app]
app = Flask(__name__)


@app.teardown_request
def release_lock(exc):  # registered first, so it is due to run last
    ran.append("teardown_request: release_lock")


@app.teardown_request
def flush_metrics(exc):  # registered last, so it runs first
    ran.append("teardown_request: flush_metrics raises")
    raise ConnectionError("metrics backend down")


@request_tearing_down.connect_via(app)
def request_torn_down(sender, **extra):
    ran.append("signal: request_tearing_down")


@app.teardown_appcontext
def close_db(exc):
    ran.append(f"teardown_appcontext: close_db, exc={exc!r}")


@app.get("/")
def index():
    return "the response Flask built"
# --8<-- [end:app]


# --8<-- [start:story]
def teardown_that_raises():
    ran.clear()
    try:
        app.test_client().get("/")
    except (
        Exception
    ) as error:  # what the WSGI server receives instead of a response
        ran.append(f"the caller gets: {error!r}")
    return "\n".join(ran)
# --8<-- [end:story]
