"""load-testing.md: a real Locust run against real Gunicorn with a StatsD listener on loopback,
and the committed recording still showing what the page says about it."""

import json
import runpy

import pytest

from snippets.scaling.load_test import RESULTS, plan, report, statsd_report

NAMES = {"shop.gunicorn.requests", "shop.gunicorn.request.duration", "shop.gunicorn.workers",
         "shop.gunicorn.request.status.200", "shop.gunicorn.backlog"}


def test_locust_against_gunicorn_with_statsd(tmp_path, monkeypatch, capsys):
    out = tmp_path / "load.json"
    monkeypatch.setattr("sys.argv", ["load_test", "--tiny", "--out", str(out)])
    runpy.run_path(str(RESULTS.with_name("load_test.py")), run_name="__main__")  # as `python -m`
    assert '"users": 2' in capsys.readouterr().out
    data = json.loads(out.read_text())
    (step,) = data["steps"]
    assert step["users"] == 2 and step["requests"] > 10 and step["failures"] == 0
    assert step["in_flight"] == pytest.approx(2, rel=0.2)  # Little's law, closed loop, no think time
    assert step["median_ms"] >= 50                           # the view sleeps 50 ms
    assert set(data["statsd"]) >= NAMES - {"shop.gunicorn.backlog"}
    assert data["statsd"]["shop.gunicorn.requests"] >= step["requests"]  # every one counted


def test_the_recording_still_shows_the_knee():
    data = json.loads(RESULTS.read_text())
    steps = data["steps"]
    assert [s["users"] for s in steps] == [1, 2, 4, 8]
    assert data["machine"]["gunicorn_args"][:2] == ["--workers", "2"]
    by_users = {s["users"]: s for s in steps}
    for s in steps:
        assert s["failures"] == 0
        assert s["in_flight"] == pytest.approx(s["users"], rel=0.15)
    # two sync workers, 50 ms each: at most 40 req/s, reached at 2 users
    assert by_users[2]["requests_per_s"] > 1.6 * by_users[1]["requests_per_s"]
    assert max(s["requests_per_s"] for s in steps) <= 40
    assert by_users[8]["requests_per_s"] < 1.15 * by_users[2]["requests_per_s"]
    # after the knee, latency grows with the queue: users / workers x 50 ms
    assert by_users[8]["median_ms"] > 3 * by_users[2]["median_ms"]
    assert set(data["statsd"]) == NAMES
    assert any(line.startswith("shop.gunicorn.backlog:") for line in data["statsd_sample"])


def test_the_plan_and_the_page_text():
    data = json.loads(RESULTS.read_text())
    sized = plan(data, target_rps=500, p95_budget_ms=120)
    assert sized["instances"] * sized["per_instance_rps"] * 0.7 >= 500
    assert "instances" in report() and "shop.gunicorn.requests" in statsd_report()
