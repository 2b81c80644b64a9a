"""One request to an example's app and what a page shows of it: the request, the response, and
every round trip of a redirect that is followed.

Pure: it needs Flask and Werkzeug, nothing of this repository. scripts/record_worker.py records
the "Try it" tabs with it, and the "Edit and run" tab ships this same file to the reader's
browser (Pyodide, in docs/assets/runner-worker.js), so a response is formatted alike in both.
"""

import importlib.metadata
from datetime import datetime, timezone

import flask
from werkzeug.test import EnvironBuilder

# The instant every recording runs at (and the browser's runs too): dates, signed cookies and
# token expiries come out the same on every run.
FROZEN = datetime(2026, 1, 15, 9, 30, tzinfo=timezone.utc)
MAX_BODY_LINES = 30
MAX_LINE = 300
# What Werkzeug's test client sends on every request unless told otherwise: not worth a line.
CLIENT_DEFAULTS = {"Host": "localhost", "User-Agent": f"Werkzeug/{importlib.metadata.version('werkzeug')}"}


def send(client, request, url_for=None, **client_kwargs):
    """'POST /items' sent with the test client; the app builds the URL when url_for is given."""
    method, _, path = request.partition(" ")
    if url_for:
        with client.application.test_request_context():
            path = flask.url_for(**url_for)
    return client.open(path, method=method, **client_kwargs)


def hops(response):
    """Every round trip (with follow_redirects=True, the redirects before the last response)."""
    return [*response.history, response]


def shown(response, client_kwargs):
    """[(block title, text), ...]: each request and its response, as the page shows them."""
    blocks = []
    for number, hop in enumerate(hops(response)):
        after = " (after the redirect)" if number else ""
        sent = format_request(hop.request, client_kwargs if not number else {})
        blocks += [(f"Request{after}", sent), (f"Response{after}", format_response(hop))]
    return blocks


def close(response):
    for hop in hops(response):
        hop.close()  # a file response (send_file, static) holds its file open until closed


def format_request(request, client_kwargs):
    """The request the app received (response.request), with the body the call sent."""
    lines = [f"{request.method} {request.full_path.rstrip('?')} HTTP/1.1"]
    lines += [f"{name}: {value}" for name, value in request.headers.items()
              if CLIENT_DEFAULTS.get(name) != value]
    for name, value in client_kwargs.get("environ_base", {}).items():
        lines.append(f"# environ {name}: {value}")
    body = ""
    if any(k in client_kwargs for k in ("data", "json")):
        options = {k: v for k, v in client_kwargs.items() if k in {"data", "json", "content_type"}}
        body = EnvironBuilder(path="/", method=request.method, **options).get_request().get_data(as_text=True)
    return "\n".join(lines + (["", shorten(body)] if body else []))


def format_response(response):
    lines = [f"HTTP/1.1 {response.status}"] + [f"{n}: {v}" for n, v in response.headers.items()]
    body = response.get_data(as_text=True)
    return "\n".join(lines + (["", shorten(body)] if body else []))


def shorten(body):
    """A body as a page shows it: at most MAX_BODY_LINES lines of at most MAX_LINE characters."""
    lines = body.splitlines()
    shown = [line if len(line) <= MAX_LINE else f"{line[:MAX_LINE]}... ({len(line):,} characters)"
             for line in lines[:MAX_BODY_LINES]]
    if len(lines) > MAX_BODY_LINES:
        shown.append(f"... ({len(lines)} lines in all)")
    return "\n".join(shown)
