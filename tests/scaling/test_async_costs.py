"""async-views.md, the costs: a loop per request breaks shared async objects, on a real Redis too."""

import gc
import importlib
import sys
import time

import pytest

from tests.servers import redis_server


def fresh(monkeypatch, url="redis://127.0.0.1:1/0"):
    """The module imported anew: its module-level objects not yet bound to any loop."""
    monkeypatch.setenv("REDIS_URL", url)
    forget()
    return importlib.import_module("snippets.scaling.async_costs")


def forget():
    sys.modules.pop("snippets.scaling.async_costs", None)
    vars(importlib.import_module("snippets.scaling")).pop("async_costs", None)  # the package too


def test_a_module_level_semaphore_breaks_on_the_second_request(monkeypatch):
    module = fresh(monkeypatch)
    first, second = module.two_requests("/prices").splitlines()
    assert first == "request 1: 200 {'calls': 3}"
    assert second.startswith("request 2: 500 {'error': 'RuntimeError: <asyncio.locks.Semaphore")
    assert second.endswith("is bound to a different event loop'}")
    assert module.two_requests("/prices-per-request").count(": 200 {'calls': 3}") == 2


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_module_level_async_redis_client_breaks_on_the_second_request(tmp_path, monkeypatch):
    with redis_server(tmp_path) as url:
        module = fresh(monkeypatch, url)
        client = module.app.test_client()
        shared = [client.get("/visits") for _ in range(2)]
        per_request = [client.get("/visits-per-request").get_json() for _ in range(2)]
        # The shared client's socket belongs to a closed loop, which can no longer close it:
        # drop it here, so its ResourceWarning lands in this test and not in a later one.
        forget()
        del module, client
        gc.collect()

    assert shared[0].get_json() == {"visits": 1}
    assert shared[1].status_code == 500
    assert shared[1].get_json() == {"error": "RuntimeError: Event loop is closed"}
    assert per_request == [{"visits": 3}, {"visits": 4}]  # the failed INCR reached Redis: 2


def test_an_async_view_costs_more_per_request_than_a_sync_one(monkeypatch):
    client = fresh(monkeypatch).app.test_client()

    def per_request(path, times=50):
        """The best of five rounds: other processes on the machine only ever add time."""
        client.get(path)
        rounds = []
        for _ in range(5):
            start = time.perf_counter()
            for _ in range(times):
                client.get(path)
            rounds.append((time.perf_counter() - start) / times)
        return min(rounds)

    assert per_request("/async-nothing") > per_request("/sync-nothing")  # a thread and a loop more
