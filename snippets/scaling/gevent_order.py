"""Monkey-patching order under `gunicorn -k gevent`: a name bound at import
keeps what it was given."""

import time

# a reference taken now: the real, blocking sleep if nothing patched yet
from time import sleep

from flask import Flask

app = Flask(__name__)


# --8<-- [start:views]
@app.get("/bound-at-import")
def bound_at_import():
    sleep(0.3)  # whatever `sleep` was when this module was imported
    return "slept"


@app.get("/looked-up-per-call")
def looked_up_per_call():
    time.sleep(0.3)  # the module attribute now, after gevent replaced it
    return "slept"
# --8<-- [end:views]


@app.get("/patched")
def patched():
    from gevent import monkey

    return {
        "time.sleep": monkey.is_object_patched("time", "sleep"),
        "bound at import": sleep is monkey.get_original("time", "sleep"),
    }
