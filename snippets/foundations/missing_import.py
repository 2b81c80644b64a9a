"""`request` is a name you import, like any other: forget it and the view fails."""

import io
import logging

# --8<-- [start:app]
from flask import Flask  # note: request is not imported

app = Flask(__name__)


@app.get("/search")
def search():
    # the bug this page is about:
    return {"query": request.args.get("q")}  # noqa: F821
# --8<-- [end:app]


def what_client_and_log_see():
    """The response the client gets, and the last line Flask logs."""
    log = io.StringIO()
    handler = logging.StreamHandler(log)
    app.logger.addHandler(handler)
    try:  # errors_stream: keep Flask's default handler (stderr) quiet
        response = app.test_client().get("/search?q=flask", errors_stream=io.StringIO())
    finally:
        app.logger.removeHandler(handler)
    return f"client: {response.status}\nlog:    {log.getvalue().strip().splitlines()[-1]}"
