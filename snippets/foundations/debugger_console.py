"""What `app.run(host="0.0.0.0", debug=True)` puts on the network: a console."""

import html
import io
import re
from unittest import mock

from flask import Flask
from werkzeug.debug import DebuggedApplication
from werkzeug.test import Client

# --8<-- [start:app]
app = Flask(__name__)
# anything the process knows is exposed:
app.config["SECRET_KEY"] = "prod-signing-key"


@app.get("/orders/<int:order_id>")
def order(order_id):
    discount = 100 / (order_id - 7)  # a bug: order 7 divides by zero
    return {"order": order_id, "discount": discount}


# --8<-- [end:app]


# --8<-- [start:served]
def served_in_debug_mode(host="0.0.0.0"):
    """The WSGI app that app.run(host=host, debug=True) hands to the server."""
    app.debug = True  # Flask.run(debug=True)
    # run_simple(use_debugger=True):
    debugged = DebuggedApplication(app, evalex=True)
    debugged.trusted_hosts.append(host)  # run_simple, Werkzeug 3.0.3+
    return debugged


# --8<-- [end:served]


# --8<-- [start:visit]
def visit(pin):
    """A visitor from another machine: one traceback page, then the console."""
    client = Client(served_in_debug_mode())
    stranger = {
        "environ_base": {"REMOTE_ADDR": "203.0.113.7"},  # another machine
        "headers": {"Host": "localhost"},
    }  # the client chooses this header
    page = client.get("/orders/7", errors_stream=io.StringIO(), **stranger)
    secret = re.search(r'SECRET = "(\w+)"', page.text).group(
        1
    )  # printed in the page
    frame = re.findall(r'id="frame-(\d+)"', page.text)[
        -1
    ]  # the view's own frame
    transcript = [f"GET /orders/7 -> {page.status}, an interactive traceback"]

    def debugger(**args):
        return client.get(
            "/",
            query_string={"__debugger__": "yes", "s": secret, **args},
            **stranger,
        )

    login = debugger(cmd="pinauth", pin=pin)
    transcript.append(f"PIN {re.sub(r'[0-9]', 'n', pin)} -> {login.text}")
    for command in [
        "order_id",
        'app.config["SECRET_KEY"]',
        "__import__('os').getpid()",
    ]:
        answer = debugger(cmd=command, frm=frame)
        transcript.append(html.unescape(re.sub(r"<[^>]+>", "", answer.text)))
    return "\n".join(transcript)


# --8<-- [end:visit]


def leaked_pin_visit():
    """The visit, with the PIN the server printed when it started."""
    return visit(served_in_debug_mode().pin)


# --8<-- [start:lockout]
def guessing_the_pin():
    """Ten wrong PINs, then the right one, against one debugger.

    Its waits are recorded, not slept.
    """
    debugged = served_in_debug_mode()
    waits = []

    def pinauth(pin, client):
        query = {
            "__debugger__": "yes",
            "cmd": "pinauth",
            "pin": pin,
            "s": debugged.secret,
        }
        return client.get(
            "/", query_string=query, headers={"Host": "localhost"}
        ).text

    def console_trusts(client):  # the check every console command passes first
        cookie = client.get_cookie(debugged.pin_cookie_name)
        return debugged.check_pin_trust(
            {"HTTP_COOKIE": f"{cookie.key}={cookie.value}"}
        )

    developer = Client(debugged)
    with mock.patch("werkzeug.debug.time.sleep", waits.append):
        lines = [
            f"developer, right PIN     -> {pinauth(debugged.pin, developer)}",
            f"developer's cookie works -> {console_trusts(developer)}",
        ]
        for attempt in range(1, 11):
            answer = pinauth(f"{attempt:03d}-000-000", Client(debugged))
            lines.append(f"guess {attempt:>2}, wait {waits[-1]} s -> {answer}")
        lines += [
            "guess 11, the right PIN  -> "
            f"{pinauth(debugged.pin, Client(debugged))}",
            f"developer's cookie works -> {console_trusts(developer)}",
        ]
    return "\n".join(lines)


# --8<-- [end:lockout]
