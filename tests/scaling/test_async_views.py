"""Async views in process, and through real Gunicorn: one sync worker still serves one request at a time."""

import json
import runpy

import pytest

from snippets.scaling import async_views
from snippets.scaling.async_views import app, two_requests_in_a_row
from snippets.scaling.loopback_server import gunicorn


def test_async_views_answer_on_the_wsgi_app():
    client = app.test_client()
    assert client.get("/one-call").status_code == 200
    assert client.get("/two-calls").get_json()["thread"].startswith("ThreadPoolExecutor")


def test_each_request_gets_its_own_loop_thread():
    lines = two_requests_in_a_row().splitlines()
    first, second, caller = (line.split("'")[1] for line in lines)
    assert first != second and first.startswith("ThreadPoolExecutor")
    assert caller == "MainThread"


def holds_the_claims(seconds):
    both = seconds["two requests to /one-call at once"]
    gathered = seconds["one request to /two-calls"]
    return both >= 0.35 and 0.2 <= gathered < 0.35  # 2 x 0.2 s queued; 2 x 0.2 s overlapped


def test_async_does_not_add_concurrency_but_gather_does(tmp_path, monkeypatch, capsys):
    out = tmp_path / "async.json"
    monkeypatch.setattr("sys.argv", ["async_views", "--out", str(out)])
    runpy.run_path(async_views.__file__, run_name="__main__")  # as `python -m ...` would:
    table = capsys.readouterr().out                            # Gunicorn, 1 sync worker
    measured = json.loads(out.read_text())["seconds"]
    assert holds_the_claims(measured), measured
    assert table.startswith("Gunicorn ") and "one request to /two-calls" in table


def test_the_recorded_timings_on_the_page_hold_the_same_claims():
    recorded = json.loads(async_views.RESULTS.read_text())
    assert holds_the_claims(recorded["seconds"]), recorded
    assert "1 sync worker" in async_views.report()


def test_a_gunicorn_that_cannot_start_is_reported_with_its_output():
    with pytest.raises(RuntimeError, match="(?s)Gunicorn did not start:.*invalid int value: 'many'"):
        with gunicorn("snippets.scaling.async_views:app", ["--workers", "many"]):
            pass  # never reached
