"""Flask 3.1: a teardown function that raises skips the later ones of its kind."""

from flask import Flask

# --8<-- [start:example]
app = Flask(__name__)
ran = []


@app.teardown_request
def close_files(exc):  # registered first, so it runs last
    ran.append("teardown_request close_files")


@app.teardown_request
def release_lock(exc):  # registered last, so it runs first
    ran.append("teardown_request release_lock: raises")
    raise ValueError("lock already released")


@app.teardown_appcontext
def close_db(exc):
    ran.append("teardown_appcontext close_db")


@app.get("/")
def index():
    return "ok"


def record():
    """Send one request and list the teardown functions that ran."""
    ran.clear()
    try:
        app.test_client().get("/")
    except ValueError as error:  # 3.2 on Python 3.11+: an ExceptionGroup
        ran.append(f"the client raised {error!r}")
    return "\n".join(ran)
# --8<-- [end:example]
