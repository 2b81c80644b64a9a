import os
import sys
from unittest import mock

import click
import pytest
from click.testing import CliRunner
from flask import current_app
from flask.cli import NoAppException, cli

from snippets.structure import cli_contexts
from snippets.structure.cli_discovery import discovery_table, load
from snippets.structure.circular_fixed import create_app as create_hello_app
from snippets.structure.shop import create_app
from snippets.structure.shop.extensions import db
from snippets.structure.shop.models import User
from snippets.structure.shop_demo import TEST_CONFIG, transcript

D = "snippets.structure.discovery"


@pytest.fixture(autouse=True)
def isolated(monkeypatch, tmp_path):
    monkeypatch.setenv("SHOP_INSTANCE_PATH", str(tmp_path))
    monkeypatch.delenv("SHOP_ENV", raising=False)
    monkeypatch.setattr(sys, "path", list(sys.path))  # flask may insert a directory
    for name in ("FLASK_APP", "FLASK_RUN_FROM_CLI", "FLASK_DEBUG"):
        monkeypatch.delenv(name, raising=False)


def test_create_users_runs_as_create_users_with_a_dash():
    app = create_app(TEST_CONFIG)
    runner = app.test_cli_runner()
    assert runner.invoke(args=["init-db"]).output == "tables created\n"
    result = runner.invoke(args=["create-users", "a@example.test", "b@example.test"])
    assert result.exit_code == 0 and result.output == "2 users created\n"
    with app.app_context():
        assert db.session.scalars(db.select(User.email)).all() == ["a@example.test", "b@example.test"]
    underscored = runner.invoke(args=["create_users", "c@example.test"])
    assert underscored.exit_code == 2 and "No such command 'create_users'" in underscored.output
    assert runner.invoke(args=["create-users"]).exit_code == 2  # at least one e-mail required


def test_help_lists_the_commands_and_the_blueprint_group():
    output = create_app(TEST_CONFIG).test_cli_runner().invoke(args=["--help"]).output
    assert "create-users  Create one user per e-mail address." in output
    assert "init-db       Create the tables." in output
    assert "catalog" in output


def test_transcript_for_the_page():
    assert transcript().splitlines() == [
        "$ flask --app shop init-db", "tables created",
        "$ flask --app shop create-users ada@example.test grace@example.test", "2 users created",
        "$ flask --app shop catalog seed", "2 products"]


def test_the_real_flask_command_finds_the_factory_in_the_package(monkeypatch):
    monkeypatch.setenv("SHOP_ENV", "testing")
    with mock.patch.dict(os.environ):
        result = CliRunner().invoke(cli, ["--app", "snippets.structure.shop", "init-db"])
    assert result.exit_code == 0 and result.output == "tables created\n"


def test_flask_pushes_a_context_for_app_cli_commands_but_test_cli_runner_does_not():
    app = create_hello_app()

    @app.cli.command()
    def decorated():  # @app.cli.command is AppGroup.command: wrapped in with_appcontext
        click.echo(current_app.config["GREETING"])

    @click.command()
    def added():  # a plain Click command added to app.cli: no wrapper
        click.echo(current_app.config["GREETING"])

    app.cli.add_command(added)
    runner = app.test_cli_runner()
    assert runner.invoke(args=["decorated"]).output == "Hello\n"
    failed = runner.invoke(args=["added"])
    assert isinstance(failed.exception, RuntimeError)
    assert "Working outside of application context" in str(failed.exception)
    # Through the real `flask` command, FlaskGroup pushes the context for every app.cli command.
    with mock.patch("snippets.structure.circular_fixed.create_app", lambda: app), \
            mock.patch.dict(os.environ):
        through_flask = CliRunner().invoke(
            cli, ["--app", "snippets.structure.circular_fixed", "added"])
    assert through_flask.output == "Hello\n"


def test_with_appcontext_and_appgroup_in_a_custom_script():
    assert cli_contexts.session().splitlines() == [
        "$ python manage.py plain greeting", "RuntimeError: Working outside of application context.",
        "$ python manage.py plain greeting-with-context", "Hello",
        "$ python manage.py tools greeting", "Hello"]
    assert "FLASK_RUN_FROM_CLI" not in os.environ


def test_discovery_rules():
    assert load(f"{D}.wsgi_style") is sys.modules[f"{D}.wsgi_style"].application
    assert load(f"{D}.any_name") is sys.modules[f"{D}.any_name"].website
    assert load(f"{D}.factory").config["CONFIG_NAME"] == "production"
    assert load(f"{D}.factory:create_app('testing')").config["CONFIG_NAME"] == "testing"
    assert load(f"{D}.two_apps:admin") is sys.modules[f"{D}.two_apps"].admin
    assert load(f"{D}.needs_args:make_app('staging')").config["CONFIG_NAME"] == "staging"
    two = load(f"{D}.two_apps")
    assert isinstance(two, NoAppException) and "Detected multiple Flask applications" in str(two)
    needs = load(f"{D}.needs_args")
    assert isinstance(needs, NoAppException)
    assert "could not call it without arguments" in str(needs)
    assert isinstance(load("snippets.structure.dispatch:application"), NoAppException)


def test_a_file_path_outside_a_regular_package_imports_as_a_top_level_module():
    app = load("snippets/structure/no_init/hello.py")
    try:
        assert app.import_name == "hello"  # not snippets.structure.no_init.hello
        assert app.test_client().get("/").json == {"module": "hello", "package": ""}
    finally:
        sys.modules.pop("hello", None)


def test_discovery_table_for_the_page():
    table = discovery_table()
    assert "found: the variable 'application' of module" in table
    assert "found: a new app returned by the factory, CONFIG_NAME='testing'" in table
    assert "error: Detected factory 'make_app'" in table
    assert "found: the variable 'app' of module 'hello'" in table
    assert "hello" not in sys.modules


def test_factory_arguments_must_be_literals():
    assert load(f"{D}.factory:create_app(config_name='x')").config["CONFIG_NAME"] == "x"
    assert load(f'{D}.factory:create_app({{"TESTING": True}})').config["CONFIG_NAME"] == {
        "TESTING": True}
    error = load(f"{D}.factory:create_app(SOME_VARIABLE)")
    assert isinstance(error, NoAppException)
    assert "Failed to parse arguments as literal values" in str(error)


def test_click_drops_command_suffixes_and_keeps_explicit_names():
    @click.command()
    def seed_command():
        pass

    @click.command("create_users")
    def named():
        pass

    assert seed_command.name == "seed" and named.name == "create_users"


def test_a_dispatcher_is_refused_by_name_and_a_windows_path_keeps_its_colon():
    refused = load("snippets.structure.dispatch:application")
    assert "A valid Flask application was not obtained from" in str(refused)
    windows = load("C:\\nowhere.py")  # split only at a colon not followed by a (back)slash
    assert isinstance(windows, NoAppException)
    assert "Could not import 'C:\\\\nowhere'" in str(windows)
