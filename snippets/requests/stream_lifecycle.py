"""Around a streamed body: failing early, a client that leaves, cleanup, length
and compression.
"""

import gzip
import itertools
import time

from flask import Flask, request
from werkzeug.test import EnvironBuilder

from snippets.requests.streaming import flaky_cursor

app = Flask(__name__)
# what the streams and their cleanup did; a real server's copy is at /events
events = []


@app.get("/events")
def show_events():
    return events


# --8<-- [start:primed]
@app.errorhandler(500)
def internal_error(error):
    return {"error": "internal server error"}, 500


def csv_lines(cursor):
    for row in cursor:
        yield ",".join(map(str, row)) + "\n"


@app.get("/export/primed.csv")
def export_primed():
    lines = csv_lines(flaky_cursor(request.args.get("good_rows", 0, type=int)))
    first = next(lines, "")  # runs the query now, inside Flask's error handling
    return itertools.chain([first], lines), {"Content-Type": "text/csv"}


# --8<-- [end:primed]


# --8<-- [start:ticker]
@app.get("/ticker")
def ticker():
    limit = request.args.get("limit", 200, type=int)

    def ticks():
        sent = 0
        try:
            for sent in range(1, limit + 1):
                yield f"tick {sent}\n"
                time.sleep(0.01)  # a slow producer: a query, a queue
            events.append(f"ticks: all {sent} sent")
        except GeneratorExit:  # raised at the paused yield by close()
            events.append(f"ticks: GeneratorExit after {sent}")
            raise
        finally:
            events.append("ticks: finally")

    response = app.response_class(ticks(), mimetype="text/plain")
    response.call_on_close(lambda: events.append("call_on_close"))
    return response


# --8<-- [end:ticker]


# --8<-- [start:ticker_demo]
def serve(method, read, limit=3):
    """Do what a WSGI server does: call the app, send `read` chunks, close."""
    environ = EnvironBuilder(
        "/ticker", method=method, query_string={"limit": limit}
    ).get_environ()
    body = app(environ, lambda status, headers, exc_info=None: None)
    chunks = list(itertools.islice(body, read))
    body.close()  # every server calls it, finished or not
    return f"{method} {len(chunks)} chunk(s) sent"


def ticker_demo():
    lines = []
    for method, read, note in [
        ("GET", 99, "the client reads everything"),
        ("GET", 1, "the client leaves after one chunk"),
        ("HEAD", 0, "no body is sent at all"),
    ]:
        events.clear()
        lines.append(f"{serve(method, read)} ({note}): {', '.join(events)}")
    return "\n".join(lines)


# --8<-- [end:ticker_demo]


# --8<-- [start:length]
@app.get("/export/sized.csv")
def export_sized():
    lines = [
        "id,name\n",
        "1,pen\n",
        "2,notebook\n",
    ]  # the size is known in advance
    size = sum(len(line.encode()) for line in lines)
    return iter(lines), {
        "Content-Type": "text/csv",
        "Content-Length": str(size),
    }


# --8<-- [end:length]


# --8<-- [start:compress]
def report_lines():
    for number in range(1, 4):
        events.append(f"line {number} produced")
        yield f"line {number}\n"


def gzip_everything(response):  # the naive hook: buffers every stream
    response.set_data(gzip.compress(response.get_data()))
    response.headers["Content-Encoding"] = "gzip"
    response.vary.add("Accept-Encoding")
    return response


def gzip_unless_streamed(response):  # the guarded hook: streams pass untouched
    if response.is_streamed or response.direct_passthrough:
        return response
    return gzip_everything(response)


def compress_demo():
    lines = []
    for hook in (gzip_everything, gzip_unless_streamed):
        demo = Flask(__name__)
        demo.add_url_rule("/report", "report", lambda: report_lines())
        demo.after_request(hook)
        events.clear()
        response = demo.test_client().get(
            "/report", headers={"Accept-Encoding": "gzip"}
        )
        events.append(
            "client has the status line"
            f" (Content-Length: {response.content_length})"
        )
        response.get_data()  # now the client reads the body
        response.close()
        lines.append(f"{hook.__name__}: {', '.join(events)}")
    return "\n".join(lines)


# --8<-- [end:compress]
