"""Work that runs after the response: call_on_close, and ClosingIterator in a
middleware."""

import os
import tempfile
import time
from functools import partial
from pathlib import Path

from flask import (
    Flask,
    after_this_request,
    has_app_context,
    has_request_context,
    request,
)
from werkzeug.wsgi import ClosingIterator

app = Flask(__name__)
app.config["CLEANUP_DIR"] = os.environ.get("CLEANUP_DIR", tempfile.gettempdir())
events = []


def contexts():
    return (
        f"request context {has_request_context()}, "
        f"app context {has_app_context()}"
    )


# --8<-- [start:call_on_close]
@app.post("/signup")
def signup():
    email = request.form["email"]  # read now: the request is gone later

    @after_this_request
    def welcome_after_the_response(response):
        response.call_on_close(partial(send_welcome, email))
        return response

    events.append("view returns")
    return {"queued": email}, 201


def send_welcome(email):  # no request, no app: only its arguments
    events.append(f"call_on_close: mail to {email} ({contexts()})")
# --8<-- [end:call_on_close]


# --8<-- [start:teardown]
@app.teardown_request
def note_teardown(exc):
    events.append(f"teardown_request ({contexts()})")
# --8<-- [end:teardown]


# --8<-- [start:middleware]
class AfterEveryResponse:
    """WSGI middleware: run `callback(environ)` once the server has closed the
    body."""

    def __init__(self, wsgi_app, callback):
        self.wsgi_app, self.callback = wsgi_app, callback

    def __call__(self, environ, start_response):
        body = self.wsgi_app(environ, start_response)
        return ClosingIterator(body, [partial(self.callback, environ)])


def log_request_done(environ):
    events.append(
        f"middleware: {environ['REQUEST_METHOD']} {environ['PATH_INFO']} closed"
    )


app.wsgi_app = AfterEveryResponse(app.wsgi_app, log_request_done)
# --8<-- [end:middleware]


# --8<-- [start:order]
def order_of_events():
    events.clear()
    response = app.test_client().post(
        "/signup", data={"email": "ada@example.com"}
    )
    events.append(
        f"client has the body: {response.get_data(as_text=True).strip()}"
    )
    response.close()  # what a WSGI server does after the last byte
    return "\n".join(events)
# --8<-- [end:order]


# --8<-- [start:server]
@app.get("/report")
def report():
    @after_this_request
    def clean_up_later(response):
        response.call_on_close(
            partial(slow_cleanup, Path(app.config["CLEANUP_DIR"]))
        )
        return response

    return "report ready\n"


def slow_cleanup(directory, seconds=10):
    """Wait until the test says it has the response (or the deadline), then
    record what it saw."""
    released = directory / "released"
    deadline = time.monotonic() + seconds
    while not released.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    (directory / "cleanup.txt").write_text(
        f"client already had the response: {released.exists()}; {contexts()}\n"
    )
# --8<-- [end:server]
