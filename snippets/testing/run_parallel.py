"""Run time_and_parallel/ under pytest-xdist with two workers, as a reader would.

The page shows the report and tests/testing/test_time_and_parallel.py checks it, so the
results on the page are a real run.
"""

import functools
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).parent / "time_and_parallel"


# --8<-- [start:run]
@functools.cache
def xdist_run():
    """`pytest -n 2 -v` in the folder; returns the report and the database
    files it made."""
    with tempfile.TemporaryDirectory() as shared:
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-n", "2", "-v", "--no-header",
             "-p", "no:cacheprovider", "-p", "no:randomly", "-o", "addopts="],
            cwd=PROJECT, capture_output=True, text=True, check=False,
            timeout=120, env={**os.environ, "SHARED_DB_DIR": shared},
        )
        files = sorted(path.name for path in Path(shared).iterdir())
        return result.stdout, files
# --8<-- [end:run]


def report():
    """Verdicts in test order (which worker ran which test varies), the summary, the databases."""
    stdout, databases = xdist_run()
    lines = sorted(re.sub(r"^\[gw\d+\] \[\s*\d+%\] (\w+) (\S+)$", r"\2 \1", line.strip())
                   for line in stdout.splitlines() if line.startswith("[gw"))
    summary = re.sub(r" in [\d.]+s", "", stdout.strip().splitlines()[-1]).strip("= ")
    workers = re.search(r"created: (\d+/\d+ workers)", stdout)[1]
    return "\n".join([f"created: {workers}", *lines, summary, "databases: " + ", ".join(databases)])
