"""Two View class attributes that bite.

init_every_request=False, and the order of decorators.
"""

import functools

from flask import Flask, g, request
from flask.views import MethodView, View


# --8<-- [start:shared]
class Greeting(View):
    # one instance for every request, on every thread
    init_every_request = False

    def dispatch_request(self):
        if "name" in request.args:
            # the bug: request data on a shared self
            self.name = request.args["name"]
        return {"hello": getattr(self, "name", "stranger")}
# --8<-- [end:shared]


# --8<-- [start:order]
def note(label):
    def decorator(view):
        @functools.wraps(view)
        def wrapper(*args, **kwargs):
            g.setdefault("ran", []).append(label)
            return view(*args, **kwargs)
        return wrapper
    return decorator


class Report(MethodView):
    # as_view applies them in list order, so the LAST one is outermost and
    # runs first
    decorators = [note("listed first"), note("listed second")]

    def get(self):
        return {"ran": g.ran}
# --8<-- [end:order]


def create_app():
    app = Flask(__name__)
    app.add_url_rule("/hello", view_func=Greeting.as_view("hello"))
    app.add_url_rule("/report", view_func=Report.as_view("report"))
    return app
