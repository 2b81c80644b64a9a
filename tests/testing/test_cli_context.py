"""Why the example's command carries @with_appcontext: the test runner does not push a context
for a plain Click command, while the `flask` command does."""

import click
from flask import Flask, current_app
from flask.cli import FlaskGroup


def _app_with_plain_command():
    app = Flask("shop")

    @click.command("app-name")
    def app_name():
        click.echo(current_app.name)

    app.cli.add_command(app_name)
    return app


def test_runner_gives_a_plain_click_command_no_app_context():
    result = _app_with_plain_command().test_cli_runner().invoke(args=["app-name"])
    assert result.exit_code == 1
    assert isinstance(result.exception, RuntimeError)
    assert str(result.exception).startswith("Working outside of application context.")


def test_the_flask_command_pushes_one(monkeypatch):
    monkeypatch.delenv("FLASK_RUN_FROM_CLI", raising=False)  # FlaskGroup sets it; undo after
    app = _app_with_plain_command()
    flask_command = FlaskGroup(create_app=lambda: app, load_dotenv=False)
    result = app.test_cli_runner().invoke(flask_command, ["app-name"])
    assert result.exit_code == 0
    assert result.output == "shop\n"


def test_app_cli_command_wraps_with_appcontext():
    app = Flask("shop")

    @app.cli.command("app-name")
    def app_name():
        click.echo(current_app.name)

    assert app.test_cli_runner().invoke(args=["app-name"]).output == "shop\n"


def test_command_names_take_dashes():
    from snippets.testing.journal.commands import create_user

    assert create_user.name == "create-user"
