"""A teardown function that raises: on Flask 3.1 it cuts its own kind short, not teardown_appcontext."""

import pytest
from flask import Flask

from snippets.lifecycle import teardown_errors


def test_a_raising_teardown_request_skips_the_rest_of_its_kind_but_not_teardown_appcontext():
    assert teardown_errors.teardown_that_raises().splitlines() == [
        "teardown_request: flush_metrics raises",
        # release_lock and the request_tearing_down signal never run on 3.1 ...
        "teardown_appcontext: close_db, exc=None",  # ... but the app context is still torn down
        "the caller gets: ConnectionError('metrics backend down')",
    ]


def test_the_error_escapes_wsgi_app_so_the_built_response_is_lost():
    def start_response(status, headers, exc_info=None):
        seen.append(status)

    seen = []
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": "/", "SERVER_NAME": "localhost",
               "SERVER_PORT": "80", "wsgi.url_scheme": "http"}
    with pytest.raises(ConnectionError, match="metrics backend down"):
        teardown_errors.app.wsgi_app(environ, start_response)
    assert seen == ["200 OK"]  # the status was handed over, but no body iterable comes back


def test_on_flask_3_1_the_error_is_a_plain_exception_not_an_exception_group():
    with pytest.raises(ConnectionError) as caught:
        teardown_errors.app.test_client().get("/")
    assert not isinstance(caught.value, BaseExceptionGroup)


def test_without_the_failure_every_teardown_step_runs(monkeypatch):
    funcs = teardown_errors.app.teardown_request_funcs[None]
    quiet = [f for f in funcs if f is not teardown_errors.flush_metrics]
    monkeypatch.setitem(teardown_errors.app.teardown_request_funcs, None, quiet)
    teardown_errors.ran.clear()
    assert teardown_errors.app.test_client().get("/").status_code == 200
    assert teardown_errors.ran == [
        "teardown_request: release_lock",
        "signal: request_tearing_down",
        "teardown_appcontext: close_db, exc=None",
    ]


def test_a_second_failure_in_teardown_appcontext_replaces_the_first_error():
    local_app = Flask("two_failures")

    @local_app.teardown_request
    def first(exc):
        raise ConnectionError("teardown_request failed")

    @local_app.teardown_appcontext
    def second(exc):
        raise ValueError("teardown_appcontext failed")

    with pytest.raises(ValueError, match="teardown_appcontext failed") as caught:
        local_app.test_client().get("/")
    assert isinstance(caught.value.__context__, ConnectionError)  # the first one is only context
