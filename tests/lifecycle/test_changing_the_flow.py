"""before_request short-circuits, errors, after_this_request and teardown arguments."""

import pytest

from snippets.lifecycle import after_this_request, error_flow, short_circuit


def test_before_request_returning_a_value_skips_the_view_and_later_hooks():
    response = short_circuit.app.test_client().get("/orders")
    assert response.status_code == 401
    assert response.json == {"error": "missing or wrong API key"}
    assert response.headers["X-Ran"] == "start_trace, require_api_key, report"


def test_with_the_key_every_hook_and_the_view_run():
    response = short_circuit.app.test_client().get("/orders", headers={"X-API-Key": "demo-key"})
    assert response.status_code == 200
    assert response.headers["X-Ran"] == "start_trace, require_api_key, load_account, view, report"


def test_before_request_runs_even_for_urls_that_match_no_route():
    client = short_circuit.app.test_client()
    assert client.get("/nope").status_code == 401  # the hook answered before the 404
    response = client.get("/nope", headers={"X-API-Key": "demo-key"})
    assert response.status_code == 404
    assert response.headers["X-Ran"] == "start_trace, require_api_key, load_account, report"


def test_a_handled_error_is_a_normal_response_for_everything_after_it():
    assert error_flow.handled_story().splitlines() == [
        "GET /handled -> 409 CONFLICT",
        "errorhandler(OutOfStock): OutOfStock('pen')",
        "after_request: 409 CONFLICT",
        "teardown_request: exc=None",
    ]


def test_an_unhandled_error_is_signalled_logged_and_still_finalized():
    assert error_flow.unhandled_story().splitlines() == [
        "GET /unhandled -> 500 INTERNAL SERVER ERROR",
        "got_request_exception: ZeroDivisionError('division by zero')",
        "app.logger: Exception on /unhandled [GET]",  # logged before the 500 handler runs
        "errorhandler(500): ZeroDivisionError('division by zero')",
        "after_request: 500 INTERNAL SERVER ERROR",
        "teardown_request: exc=ZeroDivisionError('division by zero')",
    ]


def test_unhandled_response_keeps_after_request_headers_and_teardown_cannot_change_it():
    response = error_flow.app.test_client().get("/unhandled")
    assert response.status_code == 500
    assert response.json == {"error": "internal server error"}  # not the teardown's "ignored"
    assert response.headers["X-After-Request"] == "ran"


def test_abort_is_an_http_exception_not_an_error_for_teardown():
    assert error_flow.abort_story().splitlines() == [
        "GET /missing -> 404 NOT FOUND",
        "after_request: 404 NOT FOUND",
        "teardown_request: exc=None",
    ]


@pytest.mark.parametrize("mode", ["TESTING", "DEBUG"])
def test_in_testing_or_debug_mode_the_exception_reaches_the_caller(monkeypatch, mode):
    monkeypatch.setitem(error_flow.app.config, mode, True)
    error_flow.seen.clear()
    with pytest.raises(ZeroDivisionError):
        error_flow.app.test_client().get("/unhandled")
    assert error_flow.seen == [
        "got_request_exception: ZeroDivisionError('division by zero')",
        "teardown_request: exc=ZeroDivisionError('division by zero')",
    ]


def test_after_this_request_changes_only_the_current_response():
    client = after_this_request.app.test_client()
    response = client.post("/settings/language/fr")
    assert response.json == {"language": "fr"}
    assert response.headers["Set-Cookie"].startswith("lang=fr;")
    assert "SameSite=Lax" in response.headers["Set-Cookie"]
    again = client.get("/")
    assert again.json == {"language": "fr"}
    assert "Set-Cookie" not in again.headers
