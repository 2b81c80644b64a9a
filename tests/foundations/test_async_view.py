import asyncio
import sys

import pytest
from flask import Flask

from snippets.foundations.async_view import app, asgi_get, concurrency_behind_the_adapter, fetch_rate


def test_async_view_runs_on_the_plain_wsgi_app():
    # The test client calls app(environ, start_response): WSGI, no adapter.
    response = app.test_client().get("/rates")
    assert response.status_code == 200
    assert response.get_json() == {"EUR": 1.0, "USD": 1.08}


def test_async_views_need_asgiref(monkeypatch):
    # Audit 33: without flask[async] (asgiref), Flask refuses to run the coroutine.
    monkeypatch.setitem(sys.modules, "asgiref.sync", None)  # as if not installed
    monkeypatch.setitem(app.config, "PROPAGATE_EXCEPTIONS", True)
    with pytest.raises(RuntimeError, match=r"Install Flask with the 'async' extra"):
        app.test_client().get("/rates")


def test_a_sync_view_needs_no_asgiref(monkeypatch):
    from snippets.foundations.minimal_app import app as sync_app

    monkeypatch.setitem(sys.modules, "asgiref.sync", None)
    assert sync_app.test_client().get("/").status_code == 200


def test_fetch_rate_unknown_currency():
    with pytest.raises(KeyError):
        asyncio.run(fetch_rate("GBP"))


def test_wsgi_to_asgi_serves_the_same_app_to_an_asgi_server():
    # Audit 18: WsgiToAsgi exists for ASGI servers; drive it as uvicorn would.
    status, body = asyncio.run(asgi_get("/rates"))
    assert status == 200
    assert body == b'{"EUR":1.0,"USD":1.08}\n'


def test_the_adapter_adds_no_concurrency():
    # asgiref runs each WSGI call through sync_to_async (thread_sensitive=True):
    # concurrent ASGI requests reach Flask one at a time, on one thread.
    assert concurrency_behind_the_adapter() == (
        "4 concurrent requests -> at most 1 running at once, on 1 thread(s)")


def test_the_blocking_view_on_plain_wsgi():
    response = app.test_client().get("/report")
    assert response.status_code == 200 and response.text.isdigit()


def test_tasks_left_running_when_an_async_view_returns_are_cancelled():
    events = []
    app = Flask(__name__)

    async def background():
        try:
            await asyncio.sleep(0.05)
            events.append("finished")
        except asyncio.CancelledError:
            events.append("cancelled")
            raise

    @app.get("/")
    async def fire_and_forget():
        asyncio.create_task(background())
        await asyncio.sleep(0)  # let the task start
        return "accepted"

    assert app.test_client().get("/").text == "accepted"
    assert events == ["cancelled"]
