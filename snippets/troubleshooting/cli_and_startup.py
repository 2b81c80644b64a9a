"""The `flask` command and the development server failing to start, run for real: the CLI
through Click's test runner (the same `flask` group the console script calls), the server
code of Werkzeug up to the point where it would start serving, never further."""

import contextlib
import io
import logging
import os
import re
import socket
import tempfile

from click.testing import CliRunner
from flask import Flask
from flask.cli import cli
from werkzeug.serving import make_server

ANSI = re.compile(r"\x1b\[[0-9;]*m")
NO_DOTENV = {"FLASK_APP": None, "FLASK_SKIP_DOTENV": "1"}  # as if typed in a clean shell


def flask_command(*args, cwd=None):
    """What `flask ARGS` prints, run from `cwd` (default: the repository)."""
    runner = CliRunner(env=NO_DOTENV)
    before, saved = os.getcwd(), os.environ.get("FLASK_RUN_FROM_CLI")
    try:
        os.chdir(cwd or before)
        result = runner.invoke(cli, list(args), prog_name="flask")
    finally:
        os.chdir(before)
        os.environ.pop("FLASK_RUN_FROM_CLI", None)  # the group sets it for the process
        if saved is not None:
            os.environ["FLASK_RUN_FROM_CLI"] = saved
    return f"$ flask {' '.join(args)}\n{result.output.rstrip()}"


def could_not_locate():
    with tempfile.TemporaryDirectory() as empty:  # no app.py, no wsgi.py, no FLASK_APP
        return flask_command("run", cwd=empty)


def failed_to_find():
    return flask_command("--app", "snippets.troubleshooting.startup.build_factory", "run")


def found_with_the_factory_named():
    return flask_command("--app", "snippets.troubleshooting.startup.build_factory:build()",
                         "routes")


def no_such_command():
    return flask_command("--app", "snippets.troubleshooting.startup.shop", "db", "upgrade")


def db_command_registered():
    return flask_command("--app", "snippets.troubleshooting.startup.shop:create_app(migrations=True)",
                         "db", "--help").split("\n")[:4]


def app_run_ignored():
    return flask_command("--app", "snippets.troubleshooting.startup.runs_at_import", "routes")


def circular_import():
    """What `flask` prints, the frames in this guide's files kept and the paths cut to
    snippets/ (Flask's own frame names a file on this machine)."""
    out = flask_command("--app", "snippets.troubleshooting.circular", "routes").split("\n")
    shown, keep_next = [out[0], *[line for line in out if line.startswith("Error:")]], False
    for line in out:
        if line.startswith("  File ") and "/snippets/" in line:
            shown.append(re.sub(r'"/\S*/(snippets/[^"]*)"', r'"\1"', line))
            keep_next = True
        elif keep_next:
            shown.append(line)
            keep_next = False
        elif line.startswith("ImportError"):
            shown.append(re.sub(r"\(/\S*/(snippets/\S*)\)", r"(\1)", line))
    return "\n".join(shown)


def circular_fixed():
    return flask_command("--app", "snippets.troubleshooting.circular_fixed", "routes")


def address_in_use():
    """Another program holds the port: Werkzeug's server cannot bind, says why and exits."""
    app = Flask(__name__)
    with socket.socket() as other_program:
        other_program.bind(("127.0.0.1", 0))
        other_program.listen()
        port = other_program.getsockname()[1]
        with contextlib.redirect_stderr(io.StringIO()) as said:
            try:
                make_server("127.0.0.1", port, app)  # what `flask run` and app.run() call
            except SystemExit as leaving:
                said.write(f"(exit status {leaving.code})")
    return said.getvalue().replace(str(port), "5000")


def dev_server_warning():
    """The lines `flask run` logs as it starts: bound to a free port, then closed unserved."""
    logger = logging.getLogger("werkzeug")
    seen = io.StringIO()
    handler = logging.StreamHandler(seen)
    level, disabled = logger.level, logger.disabled
    logger.addHandler(handler)
    # what `flask run` logs at, whatever the process did before (Alembic's fileConfig() disables it)
    logger.setLevel(logging.INFO)
    logger.disabled = False
    server = make_server("127.0.0.1", 0, Flask(__name__))
    try:
        server.log_startup()
    finally:
        server.server_close()
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.disabled = disabled
    return ANSI.sub("", seen.getvalue()).replace(f":{server.port}", ":5000").rstrip()
