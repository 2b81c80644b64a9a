"""Structured logs, Prometheus metrics and health checks for a Flask app."""

import io
import json
import logging
import os
import sqlite3
import time
import uuid

from flask import Flask, g, request
from flask.logging import wsgi_errors_stream
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)

LOADED_BY = os.getpid()  # with preload_app, the Gunicorn master's pid
app = Flask(__name__)
app.config["DATABASE"] = os.environ.get(
    "DATABASE", os.path.join(app.instance_path, "shop.db")
)


# --8<-- [start:json-logs]
class JsonFormatter(logging.Formatter):
    """One JSON object per line: what log collectors (Loki, ELK, CloudWatch)
    index."""

    def format(self, record):
        line = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        line.update(getattr(record, "fields", {}))
        return json.dumps(line)


access_log = logging.getLogger("shop.access")
access_log.setLevel(logging.INFO)
# In a request, the server's wsgi.errors (Gunicorn: its error log, stderr by
# default); outside one, sys.stderr. Flask's own default handler writes to the
# same stream.
to_errors = logging.StreamHandler(wsgi_errors_stream)
to_errors.setFormatter(JsonFormatter())
access_log.addHandler(to_errors)
# --8<-- [end:json-logs]


# --8<-- [start:metrics]
# The app's own registry, not the library's global one: importing this module
# twice (a test, a reload) would otherwise register the same metric twice and
# fail.
METRICS = CollectorRegistry()
REQUESTS = Counter(
    "http_requests_total",
    "Requests served",
    ["method", "endpoint", "status"],
    registry=METRICS,
)
LATENCY = Histogram(
    "http_request_duration_seconds",
    "Time in Flask",
    ["endpoint"],
    registry=METRICS,
)


@app.before_request
def start_timer():
    g.start = time.perf_counter()
    g.request_id = request.headers.get("X-Request-ID") or uuid.uuid4().hex


@app.after_request
def observe(response):
    elapsed = time.perf_counter() - g.start
    # never the raw path
    endpoint = request.url_rule.rule if request.url_rule else "unmatched"
    REQUESTS.labels(request.method, endpoint, response.status_code).inc()
    LATENCY.labels(endpoint).observe(elapsed)
    access_log.info(
        "request",
        extra={
            "fields": {
                "request_id": g.request_id,
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round(elapsed * 1000, 2),
            }
        },
    )
    response.headers["X-Request-ID"] = g.request_id
    return response


@app.get("/metrics")
def metrics():
    # Gunicorn: add up every worker's files
    if "PROMETHEUS_MULTIPROC_DIR" in os.environ:
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = METRICS
    return generate_latest(registry), 200, {"Content-Type": CONTENT_TYPE_LATEST}
# --8<-- [end:metrics]


# --8<-- [start:health]
@app.get("/healthz")
def liveness():
    return {"status": "ok"}  # the process answers: don't restart it


@app.get("/readyz")
def readiness():
    try:  # can it do its job? check what it needs, cheaply
        uri = f"file:{app.config['DATABASE']}?mode=rw"  # never creates the file
        with sqlite3.connect(uri, uri=True, timeout=1) as connection:
            connection.execute("SELECT 1")
    except sqlite3.Error as exc:
        return {"status": "unavailable", "database": str(exc)}, 503
    return {"status": "ready"}
# --8<-- [end:health]


@app.get("/orders")
def orders():
    return {
        "orders": [],
        "pid": os.getpid(),
        "parent": os.getppid(),
        "loaded_by": LOADED_BY,
    }


def sample_log_line():
    # this request's wsgi.errors: the line lands here, not on stderr
    stream = io.StringIO()
    app.test_client().get(
        "/orders", headers={"X-Request-ID": "3f2a9c"}, errors_stream=stream
    )
    return stream.getvalue()
