"""copy_current_request_context: same request and session, a new app context (empty g), an extra teardown."""

import pytest

from snippets.contexts.copy_request_context import (
    app, decorate_outside_a_request, what_a_contextvars_copy_sees, what_the_copy_sees)


def test_the_copy_shares_request_and_session_but_not_g_and_tears_down_in_the_worker():
    assert what_the_copy_sees().splitlines() == [
        "worker     same request: True, same session: True, same app: True",
        "worker     g has user: False",
        "worker     teardown_request",
        "worker     teardown_appcontext (g has user: False)",
        "MainThread view returns",
        "MainThread teardown_request",
        "MainThread teardown_appcontext (g has user: True)",
    ]


def test_a_contextvars_copy_shares_g_and_runs_no_teardown():
    assert what_a_contextvars_copy_sees().splitlines() == [
        "worker     g has user: True (the view's own g: nothing was pushed)",
        "MainThread view returns",
        "MainThread teardown_request",
        "MainThread teardown_appcontext (g has user: True)",
    ]


def test_decorating_outside_a_request_raises():
    assert decorate_outside_a_request() == (
        "RuntimeError: 'copy_current_request_context' can only be used when a request context"
        " is active, such as in a view function.")


def test_the_session_written_in_the_view_still_reaches_the_cookie():
    response = app.test_client().get("/report")
    assert response.status_code == 200 and "session=" in response.headers["Set-Cookie"]


@pytest.mark.parametrize("path", ["/report", "/report-shared"])
def test_both_views_answer(path):
    assert app.test_client().get(path).text == "done"
