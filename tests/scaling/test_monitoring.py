"""Logs, metrics, health checks, and the Gunicorn memory settings under a real Gunicorn."""

import json
import os
import re
import runpy
import sqlite3
import urllib.request
from types import SimpleNamespace
from pathlib import Path

from snippets.scaling.monitoring import JsonFormatter, app, sample_log_line
from tests.servers import gunicorn

CONF = Path(__file__).resolve().parents[2] / "snippets/scaling/gunicorn_conf.py"


def test_access_log_lines_are_json(caplog, capsys):
    with caplog.at_level("INFO", logger="shop.access"):
        response = app.test_client().get("/orders", headers={"X-Request-ID": "abc"})
    assert response.headers["X-Request-ID"] == "abc"
    line = json.loads(JsonFormatter().format(caplog.records[-1]))
    assert line["request_id"] == "abc" and line["status"] == 200 and line["path"] == "/orders"
    assert isinstance(line["duration_ms"], float)
    capsys.readouterr()
    sample = json.loads(sample_log_line())  # the handler wrote to that request's wsgi.errors...
    assert sample["logger"] == "shop.access" and sample["request_id"] == "3f2a9c"
    assert capsys.readouterr().err == ""    # ...and not to stderr (the site build stays quiet)


def test_metrics_use_the_rule_not_the_path():
    client = app.test_client()
    client.get("/orders")
    assert client.get("/no/such/page").status_code == 404
    text = client.get("/metrics").text
    assert re.search(r'http_requests_total\{endpoint="/orders",method="GET",status="200"\} \d', text)
    assert 'endpoint="unmatched"' in text and "/no/such/page" not in text
    assert "http_request_duration_seconds_bucket" in text


def test_liveness_and_readiness(tmp_path, monkeypatch):
    client = app.test_client()
    # What the page's "database unreachable" tab relies on: no database where the app looks.
    assert not Path(app.config["DATABASE"]).exists()
    assert client.get("/readyz").status_code == 503
    assert client.get("/healthz").get_json() == {"status": "ok"}
    sqlite3.connect(tmp_path / "shop.db").close()
    monkeypatch.setitem(app.config, "DATABASE", str(tmp_path / "shop.db"))
    assert client.get("/readyz").get_json() == {"status": "ready"}
    monkeypatch.setitem(app.config, "DATABASE", str(tmp_path / "missing" / "shop.db"))
    not_ready = client.get("/readyz")
    assert not_ready.status_code == 503 and not_ready.get_json()["status"] == "unavailable"


def test_config_defaults(monkeypatch):
    for name in ("WEB_CONCURRENCY", "GUNICORN_THREADS", "MAX_REQUESTS"):
        monkeypatch.delenv(name, raising=False)
    settings = runpy.run_path(str(CONF))
    assert settings["workers"] == os.cpu_count() and settings["threads"] == 4
    assert settings["worker_class"] == "gthread" and settings["preload_app"] is True
    assert settings["max_requests"] == 1000 and settings["max_requests_jitter"] == 100


def test_child_exit_drops_a_dead_workers_live_gauges(tmp_path, monkeypatch):
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))
    (tmp_path / "gauge_livesum_4242.db").write_bytes(b"")
    (tmp_path / "counter_4242.db").write_bytes(b"")
    runpy.run_path(str(CONF))["child_exit"](None, SimpleNamespace(pid=4242))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["counter_4242.db"]  # counters stay


def get(url):
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode()


def test_preload_max_requests_and_multiprocess_metrics(tmp_path):
    metrics_dir = tmp_path / "metrics"
    metrics_dir.mkdir()
    env = {"WEB_CONCURRENCY": "2", "MAX_REQUESTS": "5", "GUNICORN_THREADS": "1",
           "PROMETHEUS_MULTIPROC_DIR": str(metrics_dir)}
    quick_stop = ["--graceful-timeout", "2"]  # a worker forked as the test ends can't stall it
    with gunicorn("snippets.scaling.monitoring:app", tmp_path, config=CONF, args=quick_stop,
                  env=env) as base:
        seen = [json.loads(get(f"{base}/orders")) for _ in range(20)]
        exposition = get(f"{base}/metrics")

    # preload_app: the module was imported by the master, the parent of every worker.
    assert all(s["loaded_by"] == s["parent"] != s["pid"] for s in seen)
    # max_requests=5 with 2 workers: 20 requests need more than 2 worker processes.
    assert len({s["pid"] for s in seen}) > 2
    # Every worker wrote its own file; /metrics adds them up, dead workers included.
    assert 'http_requests_total{endpoint="/orders",method="GET",status="200"} 20.0' in exposition
