"""An API-key hook meets the requests no view answers: 404, 405, automatic
OPTIONS, /static."""

from flask import Flask, request
from flask_cors import CORS

FRONT_END = "https://app.example.com"


def orders():
    return {"orders": [1, 2]}


# --8<-- [start:naive]
naive = Flask(__name__, static_folder="hooks_static", static_url_path="/static")
CORS(naive, origins=FRONT_END)  # answers preflights in an after_request
naive.add_url_rule("/orders", view_func=orders, methods=["GET", "DELETE"])


@naive.before_request
def require_key():
    if request.headers.get("X-API-Key") != "demo-key":
        return {"error": "missing or wrong API key"}, 401
# --8<-- [end:naive]


# --8<-- [start:exempt]
exempt = Flask(
    __name__, static_folder="hooks_static", static_url_path="/static"
)
CORS(exempt, origins=FRONT_END)
exempt.add_url_rule("/orders", view_func=orders, methods=["GET", "DELETE"])
PUBLIC_ENDPOINTS = {"static"}


@exempt.before_request
def require_key_for_views():
    if request.routing_exception is not None:  # 404, 405: let the router answer
        return None
    if (
        request.method == "OPTIONS"
        and request.url_rule.provide_automatic_options
    ):
        return None  # Flask answers it; no view runs
    if request.endpoint in PUBLIC_ENDPOINTS:  # static files, a health check
        return None
    if request.headers.get("X-API-Key") != "demo-key":
        return {"error": "missing or wrong API key"}, 401
# --8<-- [end:exempt]


# --8<-- [start:what_the_hook_sees]
def what_the_hook_sees():
    """request.endpoint and request.routing_exception, as a before_request
    sees them."""
    cases = [
        ("GET", "/orders"),
        ("GET", "/nope"),
        ("POST", "/orders"),
        ("OPTIONS", "/orders"),
        ("GET", "/static/app.css"),
    ]
    lines = [f"{'request':22} {'endpoint':10} routing_exception"]
    for method, path in cases:
        with naive.test_request_context(path, method=method):
            error = request.routing_exception
            shown = (
                "None"
                if error is None
                else f"{type(error).__name__} ({error.code})"
            )
            lines.append(
                f"{method + ' ' + path:22} {request.endpoint!s:10} {shown}"
            )
    return "\n".join(lines)
# --8<-- [end:what_the_hook_sees]
