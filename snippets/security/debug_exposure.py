"""What debug mode exposes: the traceback instead of your 500 page, and a PIN an
attacker can recompute from facts about the machine."""

import getpass
import hashlib
import uuid

import flask.app
from flask import Flask
from werkzeug.debug import DebuggedApplication, get_machine_id


# --8<-- [start:app]
def create_app():
    app = Flask(__name__)
    app.config["SECRET_KEY"] = "loaded-from-the-environment"

    @app.errorhandler(500)
    def friendly_error(error):
        return "Sorry, something went wrong.", 500

    @app.get("/report")
    def report():
        totals = {"orders": 0}
        return {"average": 100 / totals["orders"]}  # a bug: ZeroDivisionError

    return app


def served_like_app_run(app, debug):
    """What app.run(debug=...) hands the server: the debugger wraps the app."""
    app.debug = debug
    return DebuggedApplication(app, evalex=True) if debug else app
# --8<-- [end:app]


# --8<-- [start:pin]
def pin_from(
    username,
    mac,
    machine_id,
    modname="flask.app",
    class_name="Flask",
    app_file=flask.app.__file__,
):
    """Werkzeug's PIN algorithm, re-typed: nothing in it is secret."""
    h = hashlib.sha1()
    for bit in (username, modname, class_name, app_file, mac, machine_id):
        if bit:
            h.update(bit if isinstance(bit, bytes) else bit.encode())
    h.update(b"cookiesalt")
    h.update(b"pinsalt")
    digits = f"{int(h.hexdigest(), 16):09d}"[:9]
    return "-".join(digits[i:i + 3] for i in range(0, 9, 3))


def leaked_facts():
    """What a file-read bug yields: /etc/passwd (user),
    /sys/class/net/*/address (MAC), /etc/machine-id + /proc/self/cgroup.
    The traceback itself shows app_file."""
    return {
        "username": getpass.getuser(),
        "mac": str(uuid.getnode()),
        "machine_id": get_machine_id(),
    }
# --8<-- [end:pin]
