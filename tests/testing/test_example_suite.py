"""The example project's own tests (snippets/testing/tests_example/) pass, all of them.

They run in a pytest subprocess, as a reader would run them; coverage measures that
process too (`patch = subprocess` in pyproject.toml), so the app and the example
tests count towards the snippets' 100% line coverage.
"""

import re

from snippets.testing import run_examples

EXPECTED = {
    "test_api.py": [
        "test_add_entry_returns_201_and_the_entry",
        "test_entries_are_listed_in_order",
        "test_one_entry_by_id",
        "test_the_row_is_in_the_database",
        "test_each_test_starts_with_an_empty_table",
        "test_missing_field_is_a_json_400",
        "test_json_that_is_not_an_object_is_a_json_400",
        "test_form_data_is_a_json_415",
        "test_unknown_entry_is_a_json_404",
    ],
    "test_auth.py": [
        "test_dashboard_redirects_anonymous_users",
        "test_follow_redirects_lands_on_the_login_page",
        "test_login_then_dashboard",
        "test_wrong_password_is_401",
        "test_login_stores_the_user_id_in_the_session",
        "test_a_session_set_up_without_logging_in",
        "test_the_session_cookie",
    ],
    "test_cli.py": ["test_create_user", "test_create_user_refuses_a_duplicate"],
    "test_rollback.py": [
        "test_each_test_sees_only_its_own_rows[Oslo]",
        "test_each_test_sees_only_its_own_rows[Lima]",
    ],
    "test_weather.py": [
        "test_forecast_view_with_a_fake_weather_client",
        "test_fetch_forecast_builds_the_url_and_parses_json",
        "test_weather_service_down_is_a_json_503",
    ],
}


def test_every_example_test_passes():
    report = run_examples.pytest_report()
    outcomes = dict(re.findall(r"^(tests_example/\S+) (\w+)", report, re.MULTILINE))
    expected = {f"tests_example/{file}::{name}": "PASSED"
                for file, names in EXPECTED.items() for name in names}
    assert outcomes == expected, report
    assert run_examples.summary() == f"{len(expected)} passed"


def test_each_page_shows_the_results_of_its_own_file():
    shown = {
        "test_api.py": run_examples.api_results(),
        "test_auth.py": run_examples.auth_results(),
        "test_cli.py": run_examples.cli_results(),
        "test_rollback.py": run_examples.rollback_results(),
        "test_weather.py": run_examples.weather_results(),
    }
    for file, text in shown.items():
        assert text.splitlines() == [f"tests_example/{file}::{name} PASSED" for name in EXPECTED[file]]


def test_the_report_has_no_timings():
    assert not re.search(r"\d+\.\d+s", run_examples.pytest_report())


def test_the_tree_on_the_index_page_lists_the_real_files():
    index = (run_examples.PROJECT.parent.parent / "docs" / "testing" / "index.md").read_text()
    tree = index.split("```text\nsnippets/testing/\n", 1)[1].split("```", 1)[0]
    shown = set(re.findall(r"[├└]── (\S+)", tree))
    example_tests = {p.name for p in (run_examples.PROJECT / "tests_example").glob("*.py")}
    assert shown == {"pytest.ini", "journal/", "tests_example/"} | example_tests
    assert set(EXPECTED) == example_tests - {"conftest.py"}
