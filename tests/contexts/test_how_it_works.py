import asyncio
import threading
from contextvars import ContextVar

from flask import Flask, current_app, g, globals as flask_globals, has_request_context, request, session
from werkzeug.local import LocalProxy

from snippets.contexts import isolation, proxies


def test_context_locals_are_context_vars_behind_local_proxies():
    # Audit item 30: not thread-local storage. ContextVar-backed since Flask 2.0 (Werkzeug 2.0's
    # Local); since 2.2.0 Flask sets these two ContextVars itself instead of using LocalStack.
    assert isinstance(flask_globals._cv_app, ContextVar)
    assert isinstance(flask_globals._cv_request, ContextVar)
    assert (flask_globals._cv_app.name, flask_globals._cv_request.name) == ("flask.app_ctx", "flask.request_ctx")
    for proxy in (current_app, g, request, session):
        assert type(proxy) is LocalProxy
    assert not any(isinstance(value, threading.local) for value in vars(flask_globals).values())


def test_two_threads_each_see_their_own_request():
    seen = isolation.paths_seen_by_two_threads()
    assert {path: got for path, (got, _) in seen.items()} == {"/a": "/a", "/b": "/b"}
    assert seen["/a"][1] != seen["/b"][1]                  # really two threads


def test_two_tasks_on_one_thread_each_see_their_own_request():
    seen = asyncio.run(isolation.paths_seen_by_two_tasks())
    assert {path: got for path, (got, _) in seen.items()} == {"/a": "/a", "/b": "/b"}
    assert seen["/a"][1] == seen["/b"][1] == threading.get_ident()   # one thread


def test_a_thread_local_mixes_up_two_tasks_on_one_thread():
    seen = asyncio.run(isolation.paths_seen_with_a_thread_local())
    assert {path: got for path, (got, _) in seen.items()} == {"/a": "/b", "/b": "/b"}


def test_report_shown_on_the_page():
    assert isolation.report().splitlines() == [
        "flask.request, two threads             (two threads): /a sees /a, /b sees /b",
        "flask.request, two asyncio tasks       (one thread): /a sees /a, /b sees /b",
        "threading.local, two asyncio tasks     (one thread): /a sees /b, /b sees /b",
    ]


def test_a_new_thread_starts_with_no_context():
    seen = []
    with proxies.app.app_context():
        worker = threading.Thread(target=lambda: seen.append(flask_globals._cv_app.get(None)))
        worker.start()
        worker.join()
    assert seen == [None]


def test_a_task_inherits_a_copy_of_the_context_it_was_created_in_and_outlives_it():
    async def main():
        async def path():
            await asyncio.sleep(0)
            return request.path
        with proxies.app.test_request_context("/parent"):
            task = asyncio.create_task(path())
        assert not has_request_context()       # the block has ended ...
        return await task                      # ... but the task still sees the request
    assert asyncio.run(main()) == "/parent"


def test_what_the_proxy_fakes_and_what_it_cannot():
    assert proxies.proxy_facts().splitlines() == [
        "type(flask.globals._cv_app)        -> ContextVar",
        "type(current_app)                  -> LocalProxy",
        "isinstance(current_app, Flask)     -> True",
        "type(current_app) is Flask         -> False",
        "current_app == app                 -> True",
        "current_app is app                 -> False",
        "current_app._get_current_object() is app -> True",
    ]
    with proxies.app.app_context():
        assert isinstance(current_app, Flask)


def test_signal_sender_must_be_the_real_app():
    assert proxies.signal_sent_with_the_proxy().splitlines() == [
        "sent with current_app:                      received []",
        "sent with current_app._get_current_object(): received [2]",
    ]
    proxies.received.clear()
    response = proxies.app.test_client().post("/orders/5")
    assert response.status_code == 200
    assert response.json == {"received": [5]}


def test_a_thread_needs_the_real_app_not_the_proxy():
    assert proxies.hand_app_to_a_thread().splitlines() == [
        "real app object: 'Corner Shop'",
        "the proxy:       RuntimeError: Working outside of application context.",
    ]


def test_the_contextvar_primer_shows_set_reset_and_a_fresh_thread():
    from snippets.contexts import contextvar_primer

    assert contextvar_primer.primer().splitlines() == [
        "at first             -> None",
        "after set('ada')     -> ada",
        "after set('grace')   -> grace",
        "after reset(inner)   -> ada",
        "in a new thread      -> None",
        "after reset(outer)   -> None",
    ]
    assert contextvar_primer.current_user.get() is None   # left as it was found
