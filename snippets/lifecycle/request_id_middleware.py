"""A WSGI middleware that tags every response with a request id and a timing
header."""

import time
import uuid

from flask import Flask, g, request
from werkzeug.test import EnvironBuilder


# --8<-- [start:middleware]
class RequestIdMiddleware:
    """Wraps any WSGI app: it sees the raw environ and the start_response
    call."""

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        request_id = environ.get("HTTP_X_REQUEST_ID") or uuid.uuid4().hex
        # the app can read it from request.environ
        environ["app.request_id"] = request_id
        started = time.perf_counter()

        def start_response_with_headers(status, headers, exc_info=None):
            elapsed_ms = (time.perf_counter() - started) * 1000
            headers.append(("X-Request-ID", request_id))
            headers.append(("Server-Timing", f"app;dur={elapsed_ms:.1f}"))
            return start_response(status, headers, exc_info)

        return self.wsgi_app(environ, start_response_with_headers)
# --8<-- [end:middleware]


# --8<-- [start:install]
app = Flask(__name__)
# wrap wsgi_app, keep app a Flask
app.wsgi_app = RequestIdMiddleware(app.wsgi_app)


@app.get("/")
def index():
    return {"request_id": request.environ["app.request_id"]}


@app.get("/crash")
def crash():
    # Flask makes it a 500 response: the id survives
    raise RuntimeError("the view failed")
# --8<-- [end:install]


# --8<-- [start:fragile]
fragile = Flask(__name__)
fragile.wsgi_app = RequestIdMiddleware(fragile.wsgi_app)


@fragile.get("/")
def fragile_index():
    return "ok"


@fragile.teardown_appcontext
def close_db(exc):
    # no view opened g.db, so this raises after start_response was called
    g.db.close()
# --8<-- [end:fragile]


# --8<-- [start:escape]
def when_flask_itself_fails():
    """Call the fragile app the way a server does, and report what the server
    gets."""
    events = []

    def start_response(status, headers, exc_info=None):
        events.append(
            f"start_response({status!r}), "
            f"X-Request-ID: {dict(headers)['X-Request-ID']}"
        )

    environ = EnvironBuilder(
        "/", headers={"X-Request-ID": "abc123"}
    ).get_environ()
    try:
        fragile.wsgi_app(environ, start_response)
    except AttributeError as error:
        events.append(f"then the call raised AttributeError: {error}")
    return "\n".join(events)
# --8<-- [end:escape]
