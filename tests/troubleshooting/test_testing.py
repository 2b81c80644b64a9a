"""Each symptom of docs/troubleshooting/testing.md: the tests in
snippets/troubleshooting/testing_project/ run in a pytest subprocess, and what pytest prints is
asserted line for line (pytest 9.2, Flask 3.1.3). The runs are real, so a change in pytest's or
Flask's wording fails here before it reaches the page."""

import pytest

from snippets.troubleshooting import testing_symptoms as snippet

NO_REQUEST = [
    "E           RuntimeError: Working outside of request context.",
    "E",
    "E           This typically means that you attempted to use functionality that needed",
    "E           an active HTTP request. Consult the documentation on testing for",
    "E           information about how to avoid this problem.",
]


def lines(function):
    return getattr(snippet, function)().splitlines()


def test_outside_request_context_in_a_test():
    assert lines("outside_request_context") == [
        "$ pytest check_request_context.py",
        "___ test_discount_code_is_upper_case ___",
        *NO_REQUEST,
        "FAILED check_request_context.py::test_discount_code_is_upper_case - RuntimeEr...",
        "1 failed, 1 passed",  # the fixed test, in a test_request_context, passes
    ]


def test_redirect_not_followed():
    assert lines("redirect_not_followed") == [
        "$ pytest check_redirect.py",
        "___ test_dashboard_page ___",
        "E       assert 302 == 200",
        "E        +  where 302 = <WrapperTestResponse streamed [302 FOUND]>.status_code",
        "FAILED check_redirect.py::test_dashboard_page - assert 302 == 200",
        "1 failed, 2 passed",
    ]


def test_fixture_not_found():
    assert lines("fixture_not_found") == [
        "$ pytest no_conftest/check_home.py",
        "___ ERROR at setup of test_home ___",
        "E       fixture 'client' not found",
        "ERROR no_conftest/check_home.py::test_home",
        "1 error",
    ]
    assert lines("fixture_found") == ["$ pytest with_conftest/check_home.py", "1 passed"]


def test_setup_method_after_first_request():
    assert lines("setup_after_first_request") == [
        "$ pytest check_setup_after_request.py",
        "___ test_a_route_added_for_this_test ___",
        "E           AssertionError: The setup method 'add_url_rule' can no longer be called on "
        "the application. It has already handled its first request, any changes will not be "
        "applied consistently.",
        "E           Make sure all imports, decorators, functions, etc. needed to set up the "
        "application are done before running it.",
        "FAILED check_setup_after_request.py::test_a_route_added_for_this_test - Asser...",
        "1 failed, 1 passed",
    ]


def test_state_leaks_between_tests():
    assert lines("state_leaks_between_tests") == [
        "$ pytest check_leak.py",
        "___ test_another_first_order ___",
        "E       AssertionError: assert {'count': 2} == {'count': 1}",
        "E",
        "E         Differing items:",
        "E         {'count': 2} != {'count': 1}",
        "E         Use -v to get more diff",
        "FAILED check_leak.py::test_another_first_order - AssertionError: assert {'cou...",
        "1 failed, 1 passed",
    ]
    assert lines("leaking_test_alone") == [
        "$ pytest check_leak.py::test_another_first_order", "1 passed"]


def test_session_backend_did_not_open_a_session():
    assert lines("session_backend_not_opened") == [
        "$ pytest check_session.py",
        "___ test_logged_in_dashboard ___",
        "E           RuntimeError: Session backend did not open a session.",
        "FAILED check_session.py::test_logged_in_dashboard - RuntimeError: Session bac...",
        "1 failed, 1 passed",  # the same transaction on an app with a SECRET_KEY
    ]


def test_testing_flag_hides_the_exception():
    assert lines("testing_flag") == [
        "$ pytest check_testing_flag.py",
        "___ test_total_without_testing ___",
        "E       assert 500 == 200",
        "E        +  where 500 = <WrapperTestResponse streamed [500 INTERNAL SERVER ERROR]>.status_code",
        "ERROR    shop:app.py:875 Exception on /total [GET]",
        "___ test_total_with_testing ___",
        "E       ZeroDivisionError: division by zero",
        "FAILED check_testing_flag.py::test_total_without_testing - assert 500 == 200",
        "FAILED check_testing_flag.py::test_total_with_testing - ZeroDivisionError: di...",
        "2 failed",
    ]


@pytest.mark.parametrize("name", ["check_redirect.py", "check_leak.py"])
def test_the_checks_are_not_collected_by_the_guides_own_pytest(name):
    """The project's files are check_*.py: the guide's pytest (test_*.py under tests/) never
    runs them, so their deliberate failures never fail the guide's suite."""
    assert not name.startswith("test_")
    assert (snippet.PROJECT / "pytest.ini").read_text().count("python_files = check_*.py") == 1
