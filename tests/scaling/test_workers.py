"""workers.md: the benchmark runs in a tiny mode here, the committed numbers hold what the page says,
and the page's other claims (Flask's own cost, threads switching the worker class) are checked."""

import inspect
import json
import runpy
import sys
import time
import timeit

from flask import Flask
from gunicorn.config import Config
from werkzeug.test import EnvironBuilder

from snippets.scaling.benchmark_app import app, cpu_bound
from snippets.scaling.worker_benchmark import RESULTS, SETUPS, results_table

BENCHMARK = RESULTS.with_name("worker_benchmark.py")


def test_endpoints_answer(monkeypatch):
    assert app.config["CPU_ROUNDS"] == 1_000_000
    monkeypatch.setitem(app.config, "CPU_ROUNDS", 1000)
    client = app.test_client()
    assert client.get("/io").get_json()["pid"] > 0
    assert client.get("/cpu").get_json()["total"] == sum(i * i for i in range(1000))


def test_the_cpu_endpoint_costs_about_as_much_as_the_io_one():
    work = "sum(i * i for i in range(rounds))"  # the endpoint's own expression
    assert work in inspect.getsource(cpu_bound)
    runs = untraced(timeit.repeat, work, globals={"rounds": 1_000_000}, number=1, repeat=3)
    assert 0.015 < min(runs) < 0.2  # "~45 ms" on an idle core; /io sleeps 50 ms


def untraced(function, *args, **kwargs):
    """Time without coverage's tracer, which makes every Python call 3-8x slower."""
    tracer = sys.gettrace()
    sys.settrace(None)
    try:
        return function(*args, **kwargs)
    finally:
        sys.settrace(tracer)


def test_flask_itself_costs_a_fraction_of_a_millisecond_per_request():
    # workers.md: what you tune is the server, not Flask. A trivial view, called as the WSGI
    # server calls it (no test client), 500 times.
    tiny = Flask(__name__)
    tiny.get("/")(lambda: "ok")
    environ = EnvironBuilder("/").get_environ()

    def serve(times):
        start = time.perf_counter()
        for _ in range(times):
            b"".join(tiny(dict(environ), lambda status, headers, exc_info=None: None))
        return (time.perf_counter() - start) / times

    assert untraced(serve, 500) < 0.001


def test_threads_turn_the_default_sync_class_into_gthread():
    config = Config()
    assert config.worker_class_str == "sync"
    config.set("threads", 4)
    assert config.worker_class_str == "gthread"


def test_benchmark_runs_every_worker_class_in_tiny_mode(tmp_path, monkeypatch, capsys):
    out = tmp_path / "tiny.json"
    monkeypatch.setattr("sys.argv", ["worker_benchmark", "--tiny", "--out", str(out)])
    runpy.run_path(str(BENCHMARK), run_name="__main__")  # as `python -m ...` would
    table = capsys.readouterr().out
    data = json.loads(out.read_text())
    assert data["machine"]["requests"] == 2 and data["machine"]["workers"] == 1
    assert [(r["worker_class"], r["endpoint"]) for r in data["results"]] == [
        (cls, endpoint) for cls in ("sync", "gthread", "gevent") for endpoint in ("/io", "/cpu")]
    assert all(r["requests_per_s"] > 0 and r["median_ms"] > 0 for r in data["results"])
    assert "gevent        /cpu" in table


def test_committed_results_have_the_machine_and_every_row():
    data = json.loads(RESULTS.read_text())
    assert set(data["machine"]) == {"cpus", "python", "platform", "gunicorn", "workers",
                                    "requests", "clients"}
    assert data["machine"]["requests"] == 64 and data["machine"]["clients"] == 16
    rows = {(r["worker_class"], r["endpoint"]): r for r in data["results"]}
    assert set(rows) == {(cls, e) for cls in SETUPS for e in ("/io", "/cpu")}
    # What the page says about these numbers:
    io = {cls: rows[(cls, "/io")]["requests_per_s"] for cls in SETUPS}
    assert io["sync"] < io["gthread"] < io["gevent"]
    assert 30 <= io["sync"] <= 2 / 0.05  # two processes, one 50 ms request each: just under 40
    assert 2 <= io["gthread"] / io["sync"] <= 4  # "about three times the throughput"
    assert rows[("gevent", "/io")]["median_ms"] < 2 * 50  # no queueing: about the 50 ms of work
    assert 6 * 50 <= rows[("sync", "/io")]["median_ms"] <= 10 * 50  # 16 clients, 2 places: ~8x
    assert 1.5 * 50 <= rows[("gthread", "/io")]["median_ms"] <= 3 * 50  # 16 clients, 8 places: ~2x
    cpu = {cls: rows[(cls, "/cpu")]["requests_per_s"] for cls in SETUPS}
    assert max(cpu.values()) < 2 / 0.045  # none beats two processes' worth of ~45 ms computations
    assert max(cpu.values()) < 1.25 * cpu["sync"]  # threads add no CPU: gthread within a quarter of sync
    assert cpu["gevent"] == min(cpu.values()) and cpu["gevent"] < 0.8 * cpu["gthread"]  # gevent: worst, ~30% off
    p95 = {cls: rows[(cls, "/cpu")]["p95_ms"] for cls in SETUPS}
    assert p95["gevent"] == max(p95.values())
    assert f"{data['machine']['cpus']} CPUs" in results_table()
