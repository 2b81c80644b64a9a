"""What copy_current_request_context copies into a thread, and what it does
not."""

import contextvars
import threading

from flask import (
    Flask,
    copy_current_request_context,
    current_app,
    g,
    request,
    session,
)

app = Flask(__name__)
app.secret_key = "dev-only"
log = []


def note(line):
    log.append(f"{threading.current_thread().name:10} {line}")


# --8<-- [start:teardown]
@app.teardown_request
def teardown_request(exc):
    note("teardown_request")


@app.teardown_appcontext
def teardown_appcontext(exc):
    note(f"teardown_appcontext (g has user: {'user' in g})")
# --8<-- [end:teardown]


# --8<-- [start:view]
@app.get("/report")
def report():
    g.user = "ada"
    session["seen"] = True
    view_request, view_session = (
        request._get_current_object(),
        session._get_current_object(),
    )

    @copy_current_request_context
    def in_the_worker():
        note(
            f"same request: {request._get_current_object() is view_request}, "
            f"same session: {session._get_current_object() is view_session}, "
            f"same app: {current_app._get_current_object() is app}"
        )
        note(f"g has user: {'user' in g}")

    worker = threading.Thread(target=in_the_worker, name="worker")
    worker.start()
    worker.join()
    note("view returns")
    return "done"
# --8<-- [end:view]


# --8<-- [start:run]
def what_the_copy_sees():
    log.clear()
    app.test_client().get("/report")
    return "\n".join(log)
# --8<-- [end:run]


# --8<-- [start:contextvars]
@app.get("/report-shared")
def report_shared():
    g.user = "ada"

    def in_the_worker():
        note(
            f"g has user: {'user' in g} (the view's own g: nothing was pushed)"
        )

    worker = threading.Thread(
        target=contextvars.copy_context().run,
        args=(in_the_worker,),
        name="worker",
    )
    worker.start()
    worker.join()
    note("view returns")
    return "done"


def what_a_contextvars_copy_sees():
    log.clear()
    app.test_client().get("/report-shared")
    return "\n".join(log)
# --8<-- [end:contextvars]


# --8<-- [start:outside]
def decorate_outside_a_request():
    try:
        copy_current_request_context(print)
    except RuntimeError as exc:
        return f"RuntimeError: {exc}"
# --8<-- [end:outside]
