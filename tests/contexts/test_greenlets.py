"""Contexts on a real Gunicorn gevent worker: a greenlet per request, its own request and g;
spawned greenlets start empty; Flask-SocketIO gives every event a new context."""

import json
import threading
import urllib.request

import socketio

from snippets.contexts.greenlets import (
    two_requests_two_greenlets, two_socketio_events, what_a_spawned_greenlet_sees)
from tests.servers import gunicorn

GEVENT = ["--worker-class", "gevent", "--workers", "1", "--worker-connections", "20"]


def get(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def test_in_process_two_greenlets_keep_their_own_request_and_g():
    assert two_requests_two_greenlets().splitlines() == [
        "a: request.args=a g.name=a os thread=True",
        "b: request.args=b g.name=b os thread=True",
    ]


def test_in_process_a_spawned_greenlet_has_no_context_unless_copied():
    assert what_a_spawned_greenlet_sees().splitlines() == [
        "bare   RuntimeError: Working outside of request context.",
        "copied /spawn",
    ]


def test_in_process_every_socketio_event_gets_a_new_g():
    assert two_socketio_events().splitlines() == [
        "same sid: True",
        "g.events before the first event: 0",
        "g.events before the second event: 0",
    ]


def test_on_a_gunicorn_gevent_worker(tmp_path):
    with gunicorn("snippets.contexts.greenlets:app", tmp_path, args=GEVENT) as url:
        results = {}

        def ask(name):
            results[name] = get(f"{url}/whoami?name={name}")

        threads = [threading.Thread(target=ask, args=(name,)) for name in ("a", "b")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(10)
        a, b = results["a"], results["b"]
        assert (a["args"], a["g"], b["args"], b["g"]) == ("a", "a", "b", "b")
        assert a["pid"] == b["pid"] and a["os_thread"] == b["os_thread"]  # one process, one thread
        assert a["greenlet"] != b["greenlet"]                             # a greenlet each
        assert a["thread_ident"] != b["thread_ident"]                     # get_ident is patched

        assert get(f"{url}/spawn") == {
            "bare": "RuntimeError: Working outside of request context.", "copied": "/spawn"}

        client = socketio.Client()
        client.connect(url, transports=["polling"], wait_timeout=10)
        try:
            first = client.call("where", timeout=10)
            second = client.call("where", timeout=10)
        finally:
            client.disconnect()
        assert first["sid"] == second["sid"]
        assert first["g_events_before"] == second["g_events_before"] == 0
        assert (first["greenlet_reused"], second["greenlet_reused"]) == (False, False)
    log = (tmp_path / "gunicorn.log").read_text()
    assert "Using worker: gevent" in log
