"""Testing: each symptom of docs/troubleshooting/testing.md is a real pytest run.

The tests that go wrong live in testing_project/ (named check_*.py, which only that folder's
pytest.ini collects). Each function below runs one of them in a pytest subprocess, as a
developer would, and returns what pytest printed that matters: the failing test's name, its
`E` lines, the short summary and the count. Coverage measures that subprocess too."""

import os
import re
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).parent / "testing_project"


def pytest_says(target):
    """`pytest <target>` in the project; the report without paths or timings."""
    result = subprocess.run(
        [sys.executable, "-m", "pytest", target, "--no-header", "-p", "no:cacheprovider",
         "-r", "fE"],
        cwd=PROJECT, capture_output=True, text=True, check=False, timeout=120,
        # CI or BUILD_NUMBER set makes pytest print every diff and summary line in full
        env={**{k: v for k, v in os.environ.items() if k not in ("CI", "BUILD_NUMBER")},
             "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1", "COLUMNS": "80"},
    )
    kept = [f"$ pytest {target}"]
    for line in result.stdout.splitlines():
        if re.fullmatch(r"_{3,} .+ _{3,}", line):  # a failing test's headline
            kept.append(line.strip("_ ").join(["___ ", " ___"]))
        elif line.startswith(("E ", "FAILED ", "ERROR ")) or line == "E":
            kept.append(line.rstrip())
        elif match := re.fullmatch(r"=+ (.+) in [\d.]+s =+", line):
            kept.append(match[1])
    return "\n".join(kept)


def outside_request_context():
    return pytest_says("check_request_context.py")


def redirect_not_followed():
    return pytest_says("check_redirect.py")


def fixture_not_found():
    return pytest_says("no_conftest/check_home.py")


def fixture_found():
    return pytest_says("with_conftest/check_home.py")


def setup_after_first_request():
    return pytest_says("check_setup_after_request.py")


def state_leaks_between_tests():
    return pytest_says("check_leak.py")


def session_backend_not_opened():
    return pytest_says("check_session.py")


def testing_flag():
    return pytest_says("check_testing_flag.py")


def leaking_test_alone():
    return pytest_says("check_leak.py::test_another_first_order")
