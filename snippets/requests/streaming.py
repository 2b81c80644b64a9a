"""Streaming responses: generators, stream_with_context and server-sent events.
"""

import json
import sqlite3

from flask import Flask, Response, request, stream_with_context
from werkzeug.test import EnvironBuilder

app = Flask(__name__)

ROWS = [(1, "pen", 120), (2, "notebook", 45), (3, "stapler", 7)]


# --8<-- [start:generator]
@app.get("/export.csv")
def export_csv():
    def rows():
        yield "id,name,stock\n"
        for row in ROWS:  # imagine a database cursor here
            yield ",".join(map(str, row)) + "\n"

    return rows(), {"Content-Type": "text/csv"}


# --8<-- [end:generator]


# --8<-- [start:failures]
def flaky_cursor(rows_before_failure):  # a cursor that fails part-way through
    yield from ROWS[:rows_before_failure]
    raise sqlite3.OperationalError("database is locked")


@app.errorhandler(500)
def internal_error(
    error,
):  # the app's JSON error page, bypassed by both failures below
    return {"error": "internal server error"}, 500


@app.get("/export/flaky.csv")
def export_flaky():
    good_rows = request.args.get("good_rows", 0, type=int)

    def rows():
        for row in flaky_cursor(good_rows):
            yield ",".join(map(str, row)) + "\n"

    return rows(), {"Content-Type": "text/csv"}


# --8<-- [end:failures]


# --8<-- [start:wsgi_view]
def what_the_server_gets(good_rows):
    """Drive the app as a WSGI server does: call it, then pull the body chunks.
    """
    query = {"good_rows": good_rows}
    environ = EnvironBuilder(
        "/export/flaky.csv", query_string=query
    ).get_environ()
    events = [f"good_rows={good_rows}"]

    def start_response(status, headers, exc_info=None):
        events.append(f"  start_response({status!r})")

    body = app.wsgi_app(environ, start_response)
    try:
        for chunk in body:
            events.append(f"  chunk {chunk!r}")
    except sqlite3.OperationalError as error:
        events.append(f"  OperationalError: {error}")
    finally:
        body.close()
    return events


def flaky_export_demo():
    return "\n".join(what_the_server_gets(0) + what_the_server_gets(2))


# --8<-- [end:wsgi_view]


# --8<-- [start:broken]
@app.get("/greeting/broken")
def greeting_broken():
    def generate():
        yield "Hello, "
        yield request.args.get(
            "name", "stranger"
        )  # runs after the view returned

    return generate()


# --8<-- [end:broken]


# --8<-- [start:fixed]
@app.get("/greeting")
def greeting():
    @stream_with_context  # keeps the request context alive
    def generate():
        yield "Hello, "
        yield request.args.get("name", "stranger")

    return generate()


@app.get("/greeting/early")
def greeting_early():
    name = request.args.get(
        "name", "stranger"
    )  # or read what you need up front

    def generate():
        yield "Hello, "
        yield name

    return generate()


# --8<-- [end:fixed]


# --8<-- [start:sse]
@app.get("/deploys/42/events")
def deploy_events():
    def events():
        steps = ["build started", "tests passed", "deployed"]
        for number, step in enumerate(steps, 1):
            data = json.dumps({"step": step})
            yield f"id: {number}\nevent: progress\ndata: {data}\n\n"

    return Response(
        events(),
        mimetype="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


# --8<-- [end:sse]


# --8<-- [start:teardown]
teardown_log = []


@app.teardown_request
def note_teardown(error):
    teardown_log.append("teardown_request ran")


def teardown_demo():
    teardown_log.clear()
    response = app.test_client().get("/greeting?name=ada")
    teardown_log.append(f"client got the status line: {response.status}")
    body = response.get_data(as_text=True)
    teardown_log.append(f"client read the body: {body!r}")
    return "\n".join(teardown_log)


# --8<-- [end:teardown]


# --8<-- [start:demo]
def broken_demo():
    response = app.test_client().get("/greeting/broken?name=ada")
    lines = [f"status line already sent: {response.status}"]
    try:
        response.get_data()  # consume the stream, as a server would
    except RuntimeError as error:
        lines.append(
            f"then, while streaming: RuntimeError: {str(error).splitlines()[0]}"
        )
    return "\n".join(lines)


# --8<-- [end:demo]
