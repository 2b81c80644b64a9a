"""Flask-Migrate: flask db init / migrate / upgrade / downgrade against a real SQLite file."""

import logging
import os
import re
import subprocess
import sys
import warnings
from pathlib import Path

import click
import pytest
from flask.cli import FlaskGroup, ScriptInfo

from snippets.extensions.migrate_app import (
    create_app,
    flask_db,
    logging_put_back_afterwards,
    migration_script,
    transcript,
)

ROOT = Path(__file__).resolve().parents[2]


def test_the_extension_registers_itself_with_its_folder(tmp_path):
    app = create_app(f"sqlite:///{tmp_path / 'notes.db'}", str(tmp_path / "migrations"))
    assert app.extensions["migrate"].directory == str(tmp_path / "migrations")
    assert app.test_cli_runner().invoke(args=["db", "--help"]).exit_code == 0


def test_the_default_folder_is_migrations_in_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = create_app(f"sqlite:///{tmp_path / 'notes.db'}")  # no folder given
    assert flask_db(app, "init").exit_code == 0
    assert (tmp_path / "migrations" / "env.py").is_file()


def test_the_flask_executable_finds_the_same_db_command_the_test_runner_calls(tmp_path):
    from flask_migrate.cli import db as flask_migrate_db

    app = create_app(f"sqlite:///{tmp_path / 'notes.db'}")
    flask = FlaskGroup()  # what `flask` on the command line is
    with click.Context(flask, obj=ScriptInfo(create_app=lambda: app)) as ctx:  # pops the app context
        assert flask.get_command(ctx, "db") is app.cli.get_command(ctx, "db") is flask_migrate_db


def test_the_whole_session_step_by_step():
    steps = transcript().split("$ flask db ")[1:]
    upgrade_first, init, migrate, upgrade, downgrade = steps
    assert "(exit code 1)" in upgrade_first
    assert "Please use the 'init' command" in upgrade_first
    assert "(exit code 0)" in init and "alembic.ini" in init
    assert "Detected added table 'note'" in migrate
    assert "tables now: ['alembic_version']" in migrate  # migrate writes a script, not the table
    assert "Running upgrade  -> " in upgrade
    assert "tables now: ['alembic_version', 'note']" in upgrade  # the table appears
    assert "Running downgrade " in downgrade
    assert downgrade.rstrip().endswith("tables now: ['alembic_version']")  # and disappears


def test_a_shell_prints_the_same_error_before_init(tmp_path):
    """The one real `flask` process: in-process and shell give the same exit code and message."""
    app = create_app(f"sqlite:///{tmp_path / 'notes.db'}", str(tmp_path / "migrations"))
    in_process = flask_db(app, "upgrade")
    factory = (
        "snippets.extensions.migrate_app:"
        f"create_app('sqlite:///{tmp_path}/notes.db', '{tmp_path}/migrations')"
    )
    shell = subprocess.run(
        [sys.executable, "-m", "flask", "--app", factory, "db", "upgrade"],
        cwd=tmp_path, env=dict(os.environ, PYTHONPATH=str(ROOT)), capture_output=True, text=True,
    )
    assert (shell.returncode, shell.stdout) == (in_process.exit_code, "") == (1, "")
    assert shell.stderr == in_process.output
    assert "Please use the 'init' command to create a new scripts folder." in shell.stderr


def test_env_py_reconfigures_logging_and_the_helper_puts_it_back(tmp_path):
    app = create_app(f"sqlite:///{tmp_path / 'notes.db'}", str(tmp_path / "migrations"))
    werkzeug, root = logging.getLogger("werkzeug"), logging.getLogger()
    before = (werkzeug.disabled, app.logger.disabled, root.handlers[:], root.level)
    assert flask_db(app, "init").exit_code == 0
    with logging_put_back_afterwards(), warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        assert app.test_cli_runner().invoke(args=["db", "upgrade"]).exit_code == 0
        assert werkzeug.disabled and app.logger.disabled  # what env.py's fileConfig() did
        assert root.handlers[0].formatter._fmt == "%(levelname)-5.5s [%(name)s] %(message)s"
    assert (werkzeug.disabled, app.logger.disabled, root.handlers, root.level) == before  # undone
    assert flask_db(app, "upgrade").exit_code == 0  # the helper does the same
    assert (werkzeug.disabled, app.logger.disabled, root.handlers, root.level) == before


def test_the_generated_env_py_calls_a_deprecated_method_first(tmp_path):
    from snippets.extensions.migrate_app import db

    app = create_app(f"sqlite:///{tmp_path / 'notes.db'}", str(tmp_path / "migrations"))
    assert flask_db(app, "init").exit_code == 0
    assert ".db.get_engine()" in (tmp_path / "migrations" / "env.py").read_text()
    with app.app_context(), pytest.warns(DeprecationWarning, match="'get_engine' is deprecated"):
        db.get_engine()


def test_one_migrate_object_keeps_the_folder_of_the_last_app(tmp_path):
    first = create_app(f"sqlite:///{tmp_path / 'a.db'}", str(tmp_path / "first"))
    create_app(f"sqlite:///{tmp_path / 'b.db'}", str(tmp_path / "second"))
    assert first.extensions["migrate"].directory == str(tmp_path / "first")  # what `init` uses
    assert flask_db(first, "init").exit_code == 0
    assert (tmp_path / "first" / "env.py").is_file()
    upgrade = flask_db(first, "upgrade")  # reads the folder from the shared Migrate object
    assert upgrade.exit_code == 1
    assert f"Path doesn't exist: {tmp_path / 'second'}." in upgrade.output


def test_the_generated_script():
    script = migration_script()
    assert script.startswith('"""create note table')
    assert re.search(r"^down_revision = None$", script, re.MULTILINE)
    assert "op.create_table('note'," in script
    assert "sa.Column('text', sa.String(length=500), nullable=False)" in script
    assert "op.drop_table('note')" in script


def test_flask_migrate_4_compares_types_and_uses_batch_mode_by_default():
    from snippets.extensions.migrate_app import migrate

    assert migrate.alembic_ctx_kwargs == {"compare_type": True, "render_as_batch": True}
