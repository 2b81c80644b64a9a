"""Which activities push an app context, a request context, or both, and what
each holds."""

import click
from flask import (
    Flask,
    globals as flask_globals,
    appcontext_popped,
    appcontext_pushed,
    current_app,
    g,
    has_app_context,
    has_request_context,
)

# --8<-- [start:create]
app = Flask(__name__)
app.config["SHOP_NAME"] = "Corner Shop"  # config lives on the app object

# Creating the app pushed nothing: at this point has_app_context() is False,
# and touching current_app here would raise
# "Working outside of application context".
# --8<-- [end:create]


# --8<-- [start:probe]
def probe():
    return (
        f"app context: {'yes' if has_app_context() else 'no '}   "
        f"request context: {'yes' if has_request_context() else 'no'}"
    )


@app.get("/probe")
def probe_view():
    return probe()


@app.cli.command("probe")
def probe_command():
    click.echo(probe())
# --8<-- [end:probe]


def where_contexts_exist():
    """Call probe() from every place a context can (or cannot) come from."""
    rows = [("module level, right after Flask()", probe())]
    with app.app_context():
        rows.append(("inside `with app.app_context()`", probe()))
    with app.test_request_context("/probe"):
        rows.append(("inside `with app.test_request_context()`", probe()))
    rows.append(
        ("during client.get('/probe')", app.test_client().get("/probe").text)
    )
    result = app.test_cli_runner().invoke(args=["probe"])
    rows.append(("during the CLI command `flask probe`", result.output.strip()))
    rows.append(("after every block has exited", probe()))
    return "\n".join(f"{where:42} {answer}" for where, answer in rows)


def config_without_a_context():
    """Config is readable with no context at all; current_app.config is the
    same object."""
    lines = [
        f"has_app_context(): {has_app_context()}",
        f"app.config['SHOP_NAME']: {app.config['SHOP_NAME']!r}",
    ]
    try:
        current_app.config["SHOP_NAME"]
    except RuntimeError as exc:
        lines.append(
            f"current_app.config: RuntimeError: {str(exc).splitlines()[0]}"
        )
    with app.app_context():
        lines.append(
            f"inside app_context(): current_app.config is app.config -> "
            f"{current_app.config is app.config}"
        )
    return "\n".join(lines)


def public_attributes(ctx):
    return ", ".join(
        sorted(name for name in vars(ctx) if not name.startswith("_"))
    )


def what_each_context_holds():
    with app.test_request_context("/probe") as request_ctx:
        # pushed along with it
        app_ctx = flask_globals.app_ctx._get_current_object()
        return "\n".join(
            [
                f"{type(app_ctx).__name__}:     {public_attributes(app_ctx)}",
                f"{type(request_ctx).__name__}: "
                f"{public_attributes(request_ctx)}, session (property)",
                f"g is app_ctx.g: {g._get_current_object() is app_ctx.g}",
                "RequestContext has a g attribute: "
                f"{hasattr(request_ctx, 'g')}",
            ]
        )


# --8<-- [start:trace]
events = []


@appcontext_pushed.connect_via(app)
def on_push(sender, **extra):
    active = has_request_context()
    events.append(f"app context pushed      (request context active: {active})")


@appcontext_popped.connect_via(app)
def on_pop(sender, **extra):
    active = has_request_context()
    events.append(f"app context popped      (request context active: {active})")


@app.get("/traced")
def traced_view():
    active = has_request_context()
    events.append(f"view runs               (request context active: {active})")
    return "done"


@app.teardown_request
def on_teardown_request(exc):
    events.append(
        "teardown_request        (the request context is being popped)"
    )


@app.teardown_appcontext
def on_teardown_appcontext(exc):
    events.append("teardown_appcontext     (the app context is being popped)")
# --8<-- [end:trace]


def push_pop_order():
    """What happens around one request, in order."""
    events.clear()
    app.test_client().get("/traced")
    return "\n".join(events)
