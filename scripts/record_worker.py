"""Run one page's http/run calls, in this fresh process, and write what each shows as JSON.

    python -m record_worker ROOT docs/routing/x.md RESULT.json   (scripts/record.py starts it)

The clock is frozen at FROZEN for the whole page, so dates, signed cookies, token expiries and
rate-limit resets are the same on every run. A call fails, with the page, the call and the
reason (for an exception, the snippet's file and line), when its example raises, or when an
`http` response is 400 or more and the call does not state it (`status=404`), or states another.
"""

import contextlib
import importlib
import importlib.metadata
import io
import json
import re
import sys
import traceback
from datetime import datetime, timezone
from pathlib import Path

import flask
import time_machine
from werkzeug.test import EnvironBuilder

from record import records

FROZEN = datetime(2026, 1, 15, 9, 30, tzinfo=timezone.utc)
MAX_BODY_LINES = 30
MAX_LINE = 300
# What Werkzeug's test client sends on every request unless told otherwise: not worth a line.
CLIENT_DEFAULTS = {"Host": "localhost", "User-Agent": f"Werkzeug/{importlib.metadata.version('werkzeug')}"}


class CallFailed(Exception):
    """The message says why, in a line a contributor can act on."""


def main(root, page, result_file):
    root, page = Path(root), Path(page)
    sys.path.insert(0, str(root))
    page_name = str(page.relative_to(root) if page.is_absolute() else page)
    clients, outputs, errors = {}, {}, []
    calls = records.page_calls(root / page_name)
    with time_machine.travel(FROZEN, tick=False):
        for (key, _example, call), (name, args, kwargs) in zip(records.keyed(page_name, calls), calls):
            kwargs = {k: v for k, v in kwargs.items() if k not in records.FORMATTING}
            try:
                outputs[key] = http(clients, root, *args, **kwargs) if name == "http" else run(*args, **kwargs)
            except CallFailed as error:
                errors.append(f"{page_name}: {call}: {error}")
            except Exception as error:
                errors.append(f"{page_name}: {call}: {reason(error, root)}")
    Path(result_file).write_text(json.dumps({"outputs": outputs, "errors": errors}))


def run(example, function):
    return [("output", str(getattr(module(example), function)()).rstrip("\n"))]


def http(clients, root, example, request, app="app", client=None, url_for=None, status=None, **client_kwargs):
    method, _, path = request.partition(" ")
    key = (example, app, client)
    if client is None or key not in clients:
        clients[key] = application(example, app).test_client()
    if url_for:
        with clients[key].application.test_request_context():
            path = flask.url_for(**url_for)
    with contextlib.redirect_stderr(io.StringIO()) as logged:  # a 500's traceback: news only if unstated
        response = clients[key].open(path, method=method, **client_kwargs)
    hops = [*response.history, response]  # with follow_redirects=True, every round trip
    try:
        check_status(response, status, clients[key].application, logged.getvalue(), root)
        blocks = []
        for number, hop in enumerate(hops):
            after = " (after the redirect)" if number else ""
            sent = format_request(hop.request, client_kwargs if not number else {})
            blocks += [(f"Request{after}", sent), (f"Response{after}", format_response(hop))]
        return blocks
    finally:
        for hop in hops:
            hop.close()  # a file response (send_file, static) holds its file open until closed


def module(example):
    """snippets/<example> as a module: 'routing/methods.py' -> snippets.routing.methods."""
    return importlib.import_module("snippets." + example.removesuffix(".py").replace("/", "."))


def application(example, attribute):
    found = module(example)
    return getattr(found, attribute[:-2])() if attribute.endswith("()") else getattr(found, attribute)


def check_status(response, status, app, logged, root):
    if status is not None and response.status_code != status:
        raise CallFailed(f"the response is {response.status}, but the call states status={status}.")
    if status is None and response.status_code >= 400:
        if raised := logged_exception(logged, root):
            hint = f"the view raised {raised}"
        else:
            routes = ", ".join(sorted({rule.rule for rule in app.url_map.iter_rules()}))
            hint = f"if not, fix the method or path (the app's routes: {routes})"
        raise CallFailed(f"the response is {response.status}. If the page means to show it, say so "
                         f"with status={response.status_code}; {hint}.")


def logged_exception(logged, root):
    """'TypeError: ... (snippets/x.py:9)' from the traceback Flask logged for a 500, or ''."""
    lines = [line for line in logged.splitlines() if line.strip()]
    frames = [(f, n) for f, n in re.findall(r'File "([^"]+)", line (\d+)', logged) if in_snippets(f, root)]
    if not lines or "Traceback" not in logged:
        return ""
    return lines[-1].strip() + (f" ({relative(frames[-1][0], root)}:{frames[-1][1]})" if frames else "")


def reason(error, root):
    """'NameError: ... (snippets/demo/greet.py:12)': the type, the message and the innermost
    line of a snippet the error passed through."""
    where = ""
    if isinstance(error, SyntaxError) and error.filename:
        where = f"{relative(error.filename, root)}:{error.lineno}"
    for frame in traceback.extract_tb(error.__traceback__):
        if in_snippets(frame.filename, root):
            where = f"{relative(frame.filename, root)}:{frame.lineno}"
    return f"{type(error).__name__}: {error}" + (f" ({where})" if where else "")


def in_snippets(filename, root):
    return Path(filename).resolve().is_relative_to(Path(root).resolve() / "snippets")


def relative(filename, root):
    path = Path(filename).resolve()
    return str(path.relative_to(Path(root).resolve())) if path.is_relative_to(Path(root).resolve()) else filename


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


if __name__ == "__main__":
    main(*sys.argv[1:4])
