"""WSGI without a framework: the callable every Python web server can call."""

from wsgiref.util import setup_testing_defaults

from snippets.foundations.minimal_app import app as flask_app


# --8<-- [start:app]
def application(environ, start_response):
    """A complete WSGI application: a callable, no framework, no imports."""
    method, path = environ["REQUEST_METHOD"], environ["PATH_INFO"]
    body = f"{method} {path} reached a bare WSGI app\n".encode("utf-8")
    start_response("200 OK", [
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Length", str(len(body))),
    ])
    return [body]
# --8<-- [end:app]


# --8<-- [start:server]
def call_like_a_server(wsgi_app, path):
    """What a WSGI server does for every HTTP request, minus the socket."""
    environ = {}
    setup_testing_defaults(environ)  # the CGI-style keys PEP 3333 requires
    environ["PATH_INFO"], _, environ["QUERY_STRING"] = path.partition("?")
    sent = {}

    def start_response(status, headers, exc_info=None):
        sent["status"], sent["headers"] = status, headers

    chunks = wsgi_app(environ, start_response)
    try:
        body = b"".join(chunks)
    finally:
        if hasattr(chunks, "close"):  # PEP 3333: the server must call close()
            chunks.close()
    return sent["status"], sent["headers"], body
# --8<-- [end:server]


def both_apps():
    """The same server code drives the bare callable and a Flask app."""
    lines = []
    apps = [("bare WSGI callable", application), ("Flask app", flask_app)]
    for label, wsgi_app in apps:
        status, headers, body = call_like_a_server(wsgi_app, "/")
        lines.append(f"{label}: {status}")
        lines += [f"    {name}: {value}" for name, value in headers]
        lines.append(f"    body: {body.decode().strip()}")
    return "\n".join(lines)
