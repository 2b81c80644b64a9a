"""Shared fixtures. Tests import examples directly: `from snippets.routing.methods import app`."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
_opened = set()


def _record_open(event, args):
    # Non-Python snippets (templates, config files) count as tested once a test reads them.
    if event == "open" and isinstance(args[0], (str, os.PathLike)):
        path = Path(os.path.abspath(os.fsdecode(args[0])))
        if SNIPPETS in path.parents:
            _opened.add(str(path.relative_to(ROOT)))


sys.addaudithook(_record_open)


def pytest_sessionfinish(session):
    if report := os.environ.get("FFG_OPENED"):
        Path(report).write_text("\n".join(sorted(_opened)))


@pytest.fixture(autouse=True)
def _no_flask_cli_left_behind(monkeypatch):
    """Running the `flask` command in-process (CliRunner, FlaskGroup) sets FLASK_RUN_FROM_CLI in
    os.environ for good, and every later app.run() in the session then refuses to start."""
    monkeypatch.delenv("FLASK_RUN_FROM_CLI", raising=False)
    # `flask` finds an app by importing `wsgi` or `app`: a module of that name another test left
    # in sys.modules would be found from any folder (and `flask run` would start serving it).
    for name in ("app", "wsgi"):
        monkeypatch.delitem(sys.modules, name, raising=False)


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The built site: the one scripts/check.py built, or a fresh strict build."""
    if built := os.environ.get("FFG_SITE"):
        return Path(built)
    out = tmp_path_factory.mktemp("site")
    subprocess.run([sys.executable, ROOT / "scripts" / "site_build.py", out], cwd=ROOT, check=True)
    return out
