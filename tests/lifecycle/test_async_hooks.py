"""Async hooks, error handlers and views run through ensure_sync, each on a new event loop."""

import inspect

from snippets.lifecycle.async_hooks import app, not_found, one_loop_per_call, reuse_across_hooks


def test_async_hooks_views_and_handlers_all_work():
    response = app.test_client().get("/orders")
    assert response.json == {"user": "ada"} and response.headers["X-User"] == "ada"
    response = app.test_client().get("/broken")
    assert response.status_code == 404 and response.json == {"error": "no such order"}
    assert response.headers["X-User"] == "ada"
    assert inspect.iscoroutinefunction(not_found)


def test_every_async_function_gets_its_own_loop_off_the_main_thread():
    lines = one_loop_per_call().splitlines()
    steps = [line.split()[1] for line in lines]
    assert steps == ["before_request", "view", "after_request", "teardown_request",
                     "before_request", "view", "errorhandler", "after_request", "teardown_request"]
    labels = [line.split()[2] + " " + line.split()[3] for line in lines]
    assert labels == [f"loop {n}" for n in range(1, 10)]          # nine calls, nine loops
    assert all(line.endswith("thread is main: False") for line in lines)


def test_ensure_sync_leaves_plain_functions_alone():
    def plain():
        return "x"

    assert app.ensure_sync(plain) is plain


def test_an_object_tied_to_one_hooks_loop_fails_in_the_view():
    assert reuse_across_hooks() == "500 RuntimeError: ... attached to a different loop"
