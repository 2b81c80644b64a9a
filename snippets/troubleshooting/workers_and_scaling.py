"""Background workers and several instances: each function reproduces one
symptom of docs/troubleshooting/workers-and-scaling.md and returns what the
developer sees. "Two workers" are two app objects in one process, built by
the same factory: the same code with separate memory, which is all that
Gunicorn's worker processes share as well. The Celery worker entry runs a
real worker (tests/troubleshooting/test_workers_and_scaling.py).
"""

import json
import os
import secrets
import socket

from celery import Celery
from flask import Flask, current_app, session
from flask_caching import Cache
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_socketio import SocketIO


def last_line(error):
    kind = type(error)
    module = "" if kind.__module__ == "builtins" else f"{kind.__module__}."
    return f"{module}{kind.__qualname__}: {error}"


# A Celery app as `celery -A workers_and_scaling:celery_app worker` loads it
# --8<-- [start:celery]
celery_app = Celery("shop", broker=os.environ.get("REDIS_URL", "memory://"))
# nothing here imports receipts.py, so a worker started with -A on this
# module never registers its task


@celery_app.task
def count_orders():
    return current_app.config["SHOP_NAME"]  # needs an app context
# --8<-- [end:celery]


def task_outside_app_context():
    result = count_orders.apply()  # runs it here, as a worker would
    return last_line(result.result)


def task_with_app_context():
    flask_app = Flask(__name__)
    flask_app.config["SHOP_NAME"] = "Corner Shop"
    # --8<-- [start:celery-fix]
    with flask_app.app_context():  # what a FlaskTask base class does per task
        return count_orders.apply().result
    # --8<-- [end:celery-fix]


# An RQ job that reads the app's config
# --8<-- [start:rq]
def word_count(text):  # the web process: queue.enqueue(word_count, text)
    stop_words = current_app.config["STOP_WORDS"]  # in the worker: no app
    return len([w for w in text.split() if w.lower() not in stop_words])
# --8<-- [end:rq]


def broker_down():
    with socket.socket() as probe:  # a port where nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = Celery("shop", broker=f"redis://127.0.0.1:{port}/0")
    # fail at once; by default the send retries for about a second first
    app.conf.broker_transport_options = {"max_retries": 0}
    try:
        # --8<-- [start:broker-down]
        app.send_task("receipts.send", args=[42], retry=False)  # .delay() too
        # --8<-- [end:broker-down]
    except Exception as error:  # kombu's OperationalError
        return last_line(error).replace(f":{port}", ":6379")


# Sessions: a secret key per worker
def create_app(secret_key):
    app = Flask(__name__)
    app.secret_key = secret_key

    @app.post("/login")
    def login():
        session["user"] = "ada"
        return "logged in"

    @app.get("/me")
    def me():
        return {"user": session.get("user")}

    return app


def logged_out_on_another_worker(shared_key=None):
    # --8<-- [start:secret]
    # config.py, imported by each Gunicorn worker:
    def secret_key():
        return shared_key or secrets.token_hex(32)  # the bug: a new key per process
    # --8<-- [end:secret]
    one, two = create_app(secret_key()), create_app(secret_key())
    browser = one.test_client()
    browser.post("/login")
    cookie = browser.get_cookie("session").value
    lines = []
    for name, app in (("worker 1", one), ("worker 2", two)):
        client = app.test_client()
        client.set_cookie("session", cookie)  # the same browser, balanced to it
        lines.append(f"GET /me on {name}: {json.dumps(client.get('/me').json)}")
    return "\n".join(lines)


# Rate limits counted per process
def create_limited_app(storage_uri="memory://"):
    app = Flask(__name__)
    limiter = Limiter(get_remote_address, app=app, storage_uri=storage_uri)

    @app.post("/login")
    @limiter.limit("3 per minute")
    def login():
        return "checked"

    return app


def limit_per_process():
    workers = [create_limited_app().test_client() for _ in range(2)]
    # the load balancer alternates: requests 1, 3, 5 to worker 1; 2, 4, 6 to 2
    codes = [workers[n % 2].post("/login").status_code for n in range(8)]
    return f"3 per minute, 8 tries from one address: {codes}"


# Caches per process
def create_cached_app():
    app = Flask(__name__)
    prices = {"pen": 2}
    # --8<-- [start:cache]
    cache = Cache(app, config={"CACHE_TYPE": "SimpleCache"})  # this process

    @app.get("/price")
    @cache.cached(timeout=300)
    def price():
        return {"pen": prices["pen"]}

    @app.put("/price/<int:value>")
    def set_price(value):
        prices["pen"] = value  # stands in for the shared database
        cache.clear()  # clears this worker's cache, not the others'
        return "", 204
    # --8<-- [end:cache]

    return app, prices


def stale_cache_on_another_worker():
    (one, _), (two, prices_two) = create_cached_app(), create_cached_app()
    a, b = one.test_client(), two.test_client()
    lines = [f"worker 1 GET /price: {a.get('/price').json}",
             f"worker 2 GET /price: {b.get('/price').json}"]
    a.put("/price/3")
    prices_two["pen"] = 3  # one database: both workers read the new price
    lines += ["worker 1 PUT /price/3",
              f"worker 1 GET /price: {a.get('/price').json}",
              f"worker 2 GET /price: {b.get('/price').json}    (for 300 s)"]
    return "\n".join(lines)


# Socket.IO across workers
def create_socketio_app():
    app = Flask(__name__)
    SocketIO(app)
    return app


def socketio_invalid_session():
    one, two = create_socketio_app(), create_socketio_app()
    handshake = one.test_client().get("/socket.io/?EIO=4&transport=polling")
    sid = json.loads(handshake.text[1:])["sid"]
    poll = f"/socket.io/?EIO=4&transport=polling&sid={sid}"
    # (a poll on worker 1 would wait for a message: long polling)
    other = two.test_client().get(poll)
    return "\n".join([
        f"GET /socket.io/?EIO=4&transport=polling on worker 1: {handshake.status}",
        f"GET ...&sid=<sid> on worker 2: {other.status}",
        f"  {other.text.replace(sid, '<sid>')}"])
