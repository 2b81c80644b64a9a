"""call_on_close and ClosingIterator run after the body, with no context; on real Gunicorn too."""

import time
import urllib.request

from snippets.lifecycle import after_the_response
from snippets.lifecycle.after_the_response import app, order_of_events, slow_cleanup
from tests.servers import gunicorn, wait_for


def test_order_of_events_in_process():
    assert order_of_events().splitlines() == [
        "view returns",
        "teardown_request (request context True, app context True)",
        'client has the body: {"queued":"ada@example.com"}',
        "call_on_close: mail to ada@example.com (request context False, app context False)",
        "middleware: POST /signup closed",
    ]


def test_nothing_runs_until_the_server_closes_the_body():
    after_the_response.events.clear()
    response = app.test_client().post("/signup", data={"email": "lin@example.com"})
    assert response.status_code == 201
    assert not any("call_on_close" in e or "middleware" in e for e in after_the_response.events)
    response.close()
    assert after_the_response.events[-2:] == [
        "call_on_close: mail to lin@example.com (request context False, app context False)",
        "middleware: POST /signup closed",
    ]


def test_slow_cleanup_gives_up_at_its_deadline(tmp_path):
    started = time.monotonic()
    slow_cleanup(tmp_path, seconds=0.05)
    assert time.monotonic() - started < 5
    assert (tmp_path / "cleanup.txt").read_text() == (
        "client already had the response: False; request context False, app context False\n")


def test_on_gunicorn_the_client_has_the_whole_response_while_call_on_close_still_runs(tmp_path):
    with gunicorn("snippets.lifecycle.after_the_response:app", tmp_path,
                  args=["--workers", "1", "--worker-class", "sync"],
                  env={"CLEANUP_DIR": str(tmp_path)}) as url:
        with urllib.request.urlopen(f"{url}/report", timeout=10) as response:
            assert response.status == 200
            assert response.read() == b"report ready\n"      # the whole body, by Content-Length
        assert not (tmp_path / "cleanup.txt").exists()       # the callback is still waiting
        (tmp_path / "released").touch()
        done = tmp_path / "cleanup.txt"
        wait_for(lambda: done.exists() and done.read_text().endswith("\n"), 10, "cleanup.txt written", 0.01)
        assert (tmp_path / "cleanup.txt").read_text() == (
            "client already had the response: True; request context False, app context False\n")
