"""Flask-Migrate: the app it needs, and the four `flask db` commands run for
real.
"""

import contextlib
import functools
import logging
import shlex
import sqlite3
import tempfile
import warnings
from pathlib import Path

from flask import Flask
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


# --8<-- [start:app]
class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)
migrate = Migrate()


class Note(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(String(500))


def create_app(database_uri, migrations="migrations"):
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = database_uri
    db.init_app(app)
    # adds the `flask db` command group
    migrate.init_app(app, db, directory=migrations)
    return app


# --8<-- [end:app]


# --8<-- [start:runner]
def flask_db(app, *args):
    """`flask db ...` run in this process.

    These are the click commands the `flask` executable runs.
    """
    with logging_put_back_afterwards(), warnings.catch_warnings():
        # The env.py that `init` writes tries db.get_engine() first, deprecated
        # since
        # Flask-SQLAlchemy 3.0. A shell hides that DeprecationWarning; a test
        # suite that
        # turns warnings into errors would fail on it.
        warnings.filterwarnings(
            "ignore", "'get_engine' is deprecated", DeprecationWarning
        )
        return app.test_cli_runner().invoke(args=["db", *args])


def tables(folder):
    with sqlite3.connect(Path(folder) / "notes.db") as conn:
        rows = conn.execute(
            "select name from sqlite_master where type = 'table' order by name"
        )
        return [name for (name,) in rows]


# --8<-- [end:runner]


# --8<-- [start:logging]
@contextlib.contextmanager
def logging_put_back_afterwards():
    """Put the logging setup back after Alembic replaced it.

    Alembic's env.py calls logging.config.fileConfig(), which replaces
    the logging setup of the whole process and disables every logger it
    does not name. A shell starts a new process for each command; in a
    test suite, put everything back.
    """

    def every_logger():
        manager = logging.root.manager
        return [
            logging.root,
            *(
                x
                for x in manager.loggerDict.values()
                if isinstance(x, logging.Logger)
            ),
        ]

    saved = {
        log: (log.level, log.handlers[:], log.disabled, log.propagate)
        for log in every_logger()
    }
    # as in a new process: errors reach stderr via logging.lastResort
    logging.root.handlers = []
    logging.root.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for log in every_logger():
            level, handlers, disabled, propagate = saved.get(
                log, (logging.NOTSET, [], False, True)
            )
            log.setLevel(level)
            log.handlers[:] = handlers
            log.disabled, log.propagate = disabled, propagate


# --8<-- [end:logging]


@functools.cache
def walkthrough():
    """The whole session in a temporary folder: what each command printed, and
    the tables.
    """
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(
            f"sqlite:///{folder}/notes.db", f"{folder}/migrations"
        )
        try:
            return _session(app, folder)
        finally:
            with app.app_context():
                # close the pooled connection before the folder goes
                db.engine.dispose()


def _session(app, folder):
    steps = []
    commands = [
        ("upgrade",),  # before init: there is nothing to upgrade with
        ("init",),
        ("migrate", "-m", "create note table"),
        ("upgrade",),
        ("downgrade",),
    ]
    noise = (
        "Creating directory",
        "alembic.runtime.plugins",
        "Context impl",
        "non-transactional",
    )
    for args in commands:
        result = flask_db(app, *args)
        output = result.output.replace(folder, "<tmp>").strip()
        shown = [
            line
            for line in output.splitlines()
            if not any(n in line for n in noise)
        ]
        steps.append(
            f"$ flask db {shlex.join(args)}    (exit code {result.exit_code})"
        )
        steps += [f"  {line}" for line in shown]
        if Path(folder, "notes.db").exists():
            steps.append(f"  tables now: {tables(folder)}")
    found = sorted(
        Path(folder).glob("migrations/versions/*_create_note_table.py")
    )
    assert found, (
        "flask db migrate wrote no script. What the commands printed:\n"
        + "\n".join(steps)
    )
    return "\n".join(steps), found[0].read_text()


def transcript():
    return walkthrough()[0]


def migration_script():
    return walkthrough()[1]
