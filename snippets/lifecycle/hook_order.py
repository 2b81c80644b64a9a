"""Record every hook, signal and step that fires while Flask handles one
request.

The page's table is trace()'s output, and a test checks the order of the steps
in request_lifecycle.svg against steps(): nothing about the order is typed by
hand.
"""

from flask import (
    Blueprint,
    Flask,
    after_this_request,
    appcontext_popped,
    appcontext_pushed,
    appcontext_tearing_down,
    has_app_context,
    has_request_context,
    request_finished,
    request_started,
    request_tearing_down,
)
from flask.sessions import SecureCookieSessionInterface
from werkzeug.routing import BaseConverter

log = []


def record(step, detail=""):
    """Note a step, and which contexts are active while it runs."""
    log.append((step, detail, has_request_context(), has_app_context()))


# --8<-- [start:observers]
class TracingFlask(Flask):
    """make_response is a method, not a hook: override it to watch it run."""

    def make_response(self, rv):
        record("make_response", "view value -> Response")
        return super().make_response(rv)


class TracingSessions(SecureCookieSessionInterface):
    def open_session(self, app, request):
        record("open_session", "session_interface")
        return super().open_session(app, request)

    def save_session(self, app, session, response):
        record("save_session", "session_interface")
        return super().save_session(app, session, response)


class TracingConverter(BaseConverter):
    """A converter runs while the URL is matched."""

    def to_python(self, value):
        record("match URL", "converter to_python")
        return value


class TracingMiddleware:
    """WSGI middleware: the only code that runs outside both contexts."""

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        def traced_start_response(status, headers, exc_info=None):
            record("start_response", f"status {status}, headers")
            return start_response(status, headers, exc_info)

        record("wsgi_app(environ, start_response)", "called by the server")
        body = self.wsgi_app(environ, traced_start_response)
        record("wsgi_app returns", "server sends the body")
        return body
# --8<-- [end:observers]


# --8<-- [start:app]
app = TracingFlask(__name__)
app.secret_key = "dev"  # only so the session is opened and saved
app.session_interface = TracingSessions()
app.url_map.converters["traced"] = TracingConverter
app.wsgi_app = TracingMiddleware(app.wsgi_app)
shop = Blueprint("shop", __name__, url_prefix="/shop")


@shop.get("/<traced:item>")
def show_item(item):
    record("view", f"show_item(item={item!r})")

    @after_this_request
    def only_this_response(response):
        record("after_this_request", "registered by the view")
        return response

    return f"item {item}"


@app.url_value_preprocessor
def app_values(endpoint, values):
    record("url_value_preprocessor", "app")


@shop.url_value_preprocessor
def shop_values(endpoint, values):
    record("url_value_preprocessor", "blueprint shop")


@app.before_request
def app_before():
    record("before_request", "app")


@shop.before_request
def shop_before():
    record("before_request", "blueprint shop")


@app.after_request
def app_after_first(response):
    record("after_request", "app, registered 1st")
    return response


@app.after_request
def app_after_second(response):
    record("after_request", "app, registered 2nd")
    return response


@shop.after_request
def shop_after(response):
    record("after_request", "blueprint shop")
    return response


@app.teardown_request
def app_teardown_request(exc):
    record("teardown_request", "app")


@shop.teardown_request
def shop_teardown_request(exc):
    record("teardown_request", "blueprint shop")


@app.teardown_appcontext
def app_teardown_appcontext(exc):
    record("teardown_appcontext", "app")


app.register_blueprint(shop)
# --8<-- [end:app]


# --8<-- [start:signals]
def on_signal(name):
    def receiver(sender, **extra):
        record(name, "signal")

    return receiver


SIGNALS = {
    "appcontext_pushed": appcontext_pushed,
    "request_started": request_started,
    "request_finished": request_finished,
    "request_tearing_down": request_tearing_down,
    "appcontext_tearing_down": appcontext_tearing_down,
    "appcontext_popped": appcontext_popped,
}
# weak=False: blinker holds receivers weakly, and these closures have no other
# owner.
for name, signal in SIGNALS.items():
    signal.connect(on_signal(name), app, weak=False)
# --8<-- [end:signals]


# --8<-- [start:trace]
def events():
    """Send one request and return what fired, in order."""
    log.clear()
    response = app.test_client().get("/shop/pen")
    assert response.status_code == 200, response.status
    return list(log)


def steps():
    """The distinct steps in order (app and blueprint hooks count once)."""
    ordered = []
    for step, *_ in events():
        if not ordered or ordered[-1] != step:
            ordered.append(step)
    return ordered


def trace():
    """What the page shows: one row per call."""
    rows = [("#", "what runs", "detail", "request", "app ctx")]
    for number, (step, detail, in_request, in_app) in enumerate(events(), 1):
        rows.append(
            (
                str(number),
                step,
                detail,
                "yes" if in_request else "-",
                "yes" if in_app else "-",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip()
        for row in rows
    )
# --8<-- [end:trace]
