"""Werkzeug's development server: threads by default, processes on request,
HTTPS for testing.
"""

import os
import threading

from flask import Flask

app = Flask(__name__)


# --8<-- [start:views]
both_here = threading.Barrier(
    2, timeout=1
)  # released once two requests wait at the same time
hits = 0  # process memory: what a forked child cannot share


@app.get("/together")
def together():
    try:
        both_here.wait()
        return {"thread": threading.current_thread().name, "together": True}
    except threading.BrokenBarrierError:  # waited 1 s and nobody else arrived
        both_here.reset()
        return {"thread": threading.current_thread().name, "together": False}


@app.get("/hits")
def count_hits():
    global hits
    hits += 1
    return {"pid": os.getpid(), "hits": hits}


# --8<-- [end:views]


# --8<-- [start:forking]
def run_forking(port):
    """The only way to get processes: app.run(), with threads turned off."""
    app.run(
        host="127.0.0.1",
        port=port,
        threaded=False,
        processes=2,
        debug=False,
        use_reloader=False,
        load_dotenv=False,
    )


# --8<-- [end:forking]


# --8<-- [start:both]
def processes_alone():
    # app.run() defaults to threaded=True, so processes=2 alone asks for both
    try:
        app.run(processes=2, debug=False, use_reloader=False, load_dotenv=False)
    except ValueError as error:
        return f"app.run(processes=2) -> ValueError: {error}"


# --8<-- [end:both]


# --8<-- [start:options]
def run_options():
    from flask.cli import run_command  # the click command behind `flask run`

    return "\n".join(
        " / ".join(option.opts + option.secondary_opts)
        for option in run_command.params
    )


# --8<-- [end:options]
