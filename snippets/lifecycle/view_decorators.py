"""Custom view decorators: per-view code around the view, inside the request."""

import functools

from flask import Flask, abort, make_response, request

app = Flask(__name__)


# --8<-- [start:decorators]
def require_token(view):
    """Refuse the request unless it carries the right token."""

    # keeps view.__name__, so the endpoint name stays right
    @functools.wraps(view)
    def guarded(**kwargs):
        if request.headers.get("X-Token") != "let-me-in":
            abort(401)
        return view(**kwargs)

    return guarded


def cache_for(seconds):
    """A decorator with an argument: a factory that returns the decorator."""

    def decorator(view):
        @functools.wraps(view)
        def cached(**kwargs):
            response = make_response(view(**kwargs))
            response.cache_control.max_age = seconds
            response.cache_control.private = True
            return response

        return cached

    return decorator
# --8<-- [end:decorators]


# --8<-- [start:views]
# route outermost: it registers what is below it
@app.get("/reports/<int:year>")
@require_token
@cache_for(300)
def report(year):
    return {"year": year, "total": 1200}


@require_token  # wrong order: the route already registered the bare function
@app.get("/reports/latest")
def latest_report():
    return {"year": 2025, "total": 1500}
# --8<-- [end:views]


# --8<-- [start:no-wraps]
def naive_guard(view):
    def wrapper(
        **kwargs,
    ):  # no functools.wraps: every guarded view is named "wrapper"
        return view(**kwargs)

    return wrapper


broken = Flask(__name__)


@broken.get("/a")
@naive_guard
def first():
    return "a"


@naive_guard
def second():
    return "b"


def register_second():
    # endpoint defaults to second.__name__
    broken.add_url_rule("/b", view_func=second)
# --8<-- [end:no-wraps]
