"""Subscribing to Flask's built-in signals."""

from collections import Counter

from flask import Flask, request, request_finished, request_started

app = Flask(__name__)
status_counts = Counter()


# --8<-- [start:receivers]
# only requests of this app, not of other apps
@request_finished.connect_via(app)
def count_status(sender, response, **extra):
    status_counts[response.status_code] += 1


def try_to_block(sender, **extra):
    return "blocked"  # Flask ignores what receivers return: the request goes on


request_started.connect(try_to_block, app)


@app.get("/")
def index():
    return {"path": request.path}
# --8<-- [end:receivers]


# --8<-- [start:weak]
def listen(heard, weak=True):
    def receiver(
        sender, **extra
    ):  # nothing but this frame refers to the function
        heard.append("request_started")

    # blinker's default, weak=True, keeps only a weak reference: when listen()
    # returns, the receiver is garbage and blinker disconnects it.
    request_started.connect(receiver, app, weak=weak)
# --8<-- [end:weak]
