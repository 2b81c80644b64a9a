"""What runs when a view raises: handled errors, unhandled errors, aborts."""

import logging

from flask import Flask, abort, got_request_exception

seen = []  # what each piece of the app saw (and what it logged), in order


class ListHandler(logging.Handler):  # stands in for your log aggregator
    def emit(self, record):
        seen.append(f"app.logger: {record.getMessage()}")


# Configure logging before creating the app, so Flask adds no handler of its
# own.
logging.getLogger(__name__).addHandler(ListHandler())

# --8<-- [start:app]
app = Flask(__name__)


class OutOfStock(Exception):
    pass


@app.get("/handled")
def handled():
    raise OutOfStock("pen")


@app.get("/unhandled")
def unhandled():
    return {"ratio": 1 / 0}


@app.get("/missing")
def missing():
    abort(404)


@app.errorhandler(OutOfStock)
def out_of_stock(error):
    seen.append(f"errorhandler(OutOfStock): {error!r}")
    return {"error": f"{error} is out of stock"}, 409


@app.errorhandler(500)
def server_error(error):
    seen.append(f"errorhandler(500): {error.original_exception!r}")
    return {"error": "internal server error"}, 500


@got_request_exception.connect_via(app)
def report_crash(sender, exception, **extra):
    seen.append(f"got_request_exception: {exception!r}")


@app.after_request
def stamp(response):
    seen.append(f"after_request: {response.status}")
    response.headers["X-After-Request"] = "ran"
    return response


@app.teardown_request
def close_resources(exc):
    seen.append(f"teardown_request: exc={exc!r}")
    return "ignored"  # Flask discards whatever a teardown function returns
# --8<-- [end:app]


# --8<-- [start:story]
def story(path):
    seen.clear()
    response = app.test_client().get(path)
    return "\n".join([f"GET {path} -> {response.status}", *seen])


def handled_story():
    return story("/handled")


def unhandled_story():
    return story("/unhandled")


def abort_story():
    return story("/missing")
# --8<-- [end:story]
