"""`flask shell` and its namespace, .flaskenv and --env-file without python-dotenv."""

import sys

import click
import pytest
from flask.cli import cli
from flask_sqlalchemy.cli import add_models_to_shell

from snippets.structure import cli_shell


@pytest.fixture(autouse=True)
def isolated(monkeypatch, tmp_path):
    # Werkzeug's debugger console (the debug-mode tests import it) replaces sys.displayhook for
    # the whole process; an interactive console then prints no results.
    monkeypatch.setattr(sys, "displayhook", sys.__displayhook__)
    monkeypatch.setenv("SHOP_INSTANCE_PATH", str(tmp_path))
    for name in ("FLASK_APP", "FLASK_RUN_FROM_CLI", "FLASK_DEBUG", "FLASK_SKIP_DOTENV",
                 "PYTHONSTARTUP", "SHOP_ENV"):
        monkeypatch.delenv(name, raising=False)


def test_the_shell_namespace_is_app_and_g_plus_every_processor():
    app = cli_shell.create_shell_app()
    assert add_models_to_shell in app.shell_context_processors  # registered by db.init_app
    names = [line.split()[0] for line in cli_shell.namespace().splitlines()]
    assert names == ["Product", "User", "app", "db", "g", "product_names"]


def test_a_shell_session_runs_in_the_app_context():
    lines = cli_shell.transcript().splitlines()
    assert lines[0] == "$ flask --app shop shell" and lines[1].startswith("Python 3.")
    assert lines[2] == "App: snippets.structure.shop"
    assert lines[lines.index(">>> product_names()") + 1] == "['Teapot']"
    assert lines[-1] == "(<flask.g of 'snippets.structure.shop'>, 'snippets.structure.shop')"


def test_the_shell_runs_pythonstartup_first_and_the_app_context_wins(monkeypatch, tmp_path):
    startup = tmp_path / "startup.py"
    startup.write_text("from_startup = 42\napp = 'overwritten by the shell context'\n")
    monkeypatch.setenv("PYTHONSTARTUP", str(startup))
    app = cli_shell.create_shell_app()
    output = app.test_cli_runner().invoke(cli, ["shell"], input="from_startup, app\n").output
    assert "(42, <Flask 'snippets.structure.shop'>)" in output


def test_without_python_dotenv_a_flaskenv_is_ignored_with_a_tip(tmp_path):
    with pytest.raises(ImportError):
        import dotenv  # noqa: F401  (the guide does not pin python-dotenv)
    listed = cli_shell.flask_in(tmp_path, "--help")
    assert listed.exit_code == 0
    assert "Tip: There are .env files present. Install python-dotenv" in listed.output
    assert "Could not locate a Flask application" in listed.output  # FLASK_APP was not read
    skipped = cli_shell.flask_in(tmp_path, "--help", FLASK_SKIP_DOTENV="1")
    assert "Tip:" not in skipped.output


def test_env_file_needs_python_dotenv(tmp_path):
    result = cli_shell.flask_in(tmp_path, "--env-file", "local.env", "routes")
    assert result.exit_code == 2
    assert "python-dotenv must be installed to load an env file." in result.output
    assert "does not exist" in cli_shell.flask_in(tmp_path, "-e", "missing.env", "routes").output


def test_dotenv_session_for_the_page():
    lines = cli_shell.dotenv_session().splitlines()
    assert lines[3].startswith(" * Tip: There are .env files present.")
    assert lines[-1] == "(exit code 2)"


def test_catch_exceptions_false_lets_the_error_reach_pytest():
    app = cli_shell.create_shell_app()

    @app.cli.command()
    def broken():
        raise LookupError("no such product")

    runner = app.test_cli_runner()
    quiet = runner.invoke(args=["broken"])
    assert quiet.exit_code == 1 and quiet.output == "" and isinstance(quiet.exception, LookupError)
    with pytest.raises(LookupError, match="no such product"):
        runner.invoke(args=["broken"], catch_exceptions=False)
    assert isinstance(broken, click.Command)
