"""What each way of starting the dev server hands to Werkzeug's run_simple().

The server is not started: run_simple is replaced by a stand-in that records its
arguments, so the table shows exactly what would have been served and how.
"""

import contextlib
import io
import os
import sys
from unittest import mock

from click.testing import CliRunner
from flask import Flask
from flask.cli import cli

from snippets.foundations import debug_in_code, minimal_app

# Variables that would leak from the reader's shell, or from one launcher
# to the next.
FLASK_VARIABLES = {
    "FLASK_APP": None,
    "FLASK_DEBUG": None,
    "FLASK_ENV": None,
    "FLASK_RUN_FROM_CLI": None,
    "WERKZEUG_RUN_MAIN": None,
}


@contextlib.contextmanager
def recording_run_simple():
    calls = []

    def run_simple(hostname, port, application, **options):
        calls.append(
            {
                "host": hostname,
                "port": port,
                "app.debug": application.debug,
                "reloader": options["use_reloader"],
                "debugger": options["use_debugger"],
            }
        )

    with (
        mock.patch("flask.cli.run_simple", run_simple),
        mock.patch("werkzeug.serving.run_simple", run_simple),
        mock.patch.object(sys, "path", list(sys.path)),
        mock.patch.dict(os.environ),
        contextlib.redirect_stdout(io.StringIO()),
    ):  # the " * Serving Flask app" banner
        for name in FLASK_VARIABLES:
            os.environ.pop(name, None)
        yield calls


# --8<-- [start:flask-run]
def flask_run(*args, env=None, module=minimal_app):
    """`flask --app <module> run <args>`, with extra environment variables."""
    debug_before = module.app.config["DEBUG"]
    with recording_run_simple() as calls:
        CliRunner().invoke(
            cli,
            ["--app", module.__name__, "run", *args],
            env={**FLASK_VARIABLES, **(env or {})},
            catch_exceptions=False,
        )
    module.app.config["DEBUG"] = (
        debug_before  # `flask run` set it; undo for the next caller
    )
    return calls[0]


# --8<-- [end:flask-run]


# --8<-- [start:app-run]
def app_run(**kwargs):
    """`app.run(**kwargs)` on a fresh app, as in a `__main__` block."""
    with recording_run_simple() as calls:
        Flask("hello").run(**kwargs)
    return calls[0]


# --8<-- [end:app-run]


def launcher_table():
    """Each launcher, `--app minimal_app` unless another app is named."""
    rows = [
        ("flask run", flask_run()),
        ("flask run --debug", flask_run("--debug")),
        ("FLASK_DEBUG=1 flask run", flask_run(env={"FLASK_DEBUG": "1"})),
        (
            "FLASK_ENV=development flask run",
            flask_run(env={"FLASK_ENV": "development"}),
        ),
        ("flask --app debug_in_code run", flask_run(module=debug_in_code)),
        ("app.run()", app_run()),
        ("app.run(debug=True)", app_run(debug=True)),
        (
            "app.run(host='0.0.0.0', debug=True)",
            app_run(host="0.0.0.0", debug=True),
        ),
    ]
    header = (
        f"{'launcher':<36} {'host':<10} {'app.debug':<10} {'reloader':<9} "
        "debugger"
    )
    lines = [header, "-" * len(header)]
    for label, call in rows:
        lines.append(
            f"{label:<36} {call['host']:<10} {call['app.debug']!s:<10} "
            f"{call['reloader']!s:<9} {call['debugger']}"
        )
    return "\n".join(lines)


# --8<-- [start:environment]
def debug_from_environment():
    """app.debug of a new app under each variable people reach for."""
    lines = []
    for variable, value in [
        ("FLASK_ENV", "development"),
        ("FLASK_DEBUG", "1"),
        ("FLASK_DEBUG", "0"),
    ]:
        with mock.patch.dict(os.environ, {variable: value}):
            setting = f"{variable}={value}"
            debug = Flask(__name__).debug
            lines.append(f"{setting:<22} -> Flask(__name__).debug == {debug}")
    return "\n".join(lines)


# --8<-- [end:environment]
