"""Run the example project's tests as a reader would, and show pytest's report.

The pages call these at build time, and tests/testing/test_example_suite.py
checks the same report, so every result shown on a page is a real run.
"""

import functools
import re
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).parent  # holds pytest.ini, journal/ and tests_example/


# --8<-- [start:run]
@functools.cache
def pytest_report():
    """`pytest -v` in the project folder; one run per build, for every page."""
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-v", "--no-header",
         "-p", "no:cacheprovider"],
        cwd=PROJECT, capture_output=True, text=True, check=False,
    )
    lines = result.stdout.splitlines()
    return "\n".join(without_timing(line) for line in lines)
# --8<-- [end:run]


def without_timing(line):
    """'==== 22 passed in 1.52s ====' -> '==== 22 passed ====': the one part that varies."""
    match = re.fullmatch(r"=+ (.+) in [\d.]+s =+", line)
    return f" {match[1]} ".center(80, "=") if match else line


def results_of(file):
    lines = [line for line in pytest_report().splitlines() if line.startswith(f"tests_example/{file}::")]
    return "\n".join(re.sub(r"\s+\[\s*\d+%\]$", "", line) for line in lines)


def summary():
    return pytest_report().strip().splitlines()[-1].strip("= ")


def api_results():
    return results_of("test_api.py")


def auth_results():
    return results_of("test_auth.py")


def weather_results():
    return results_of("test_weather.py")


def cli_results():
    return results_of("test_cli.py")


def rollback_results():
    return results_of("test_rollback.py")
