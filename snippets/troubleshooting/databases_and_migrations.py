"""Databases and migrations: each function runs the failing code and returns
what the developer sees (the last line of the traceback, a warning, a log
line). docs/troubleshooting/databases-and-migrations.md shows them.
"""

import re
import sqlite3
import tempfile
import warnings
from pathlib import Path

import sqlalchemy as sa
from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from snippets.extensions import migrate_app


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)


class User(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(120), unique=True)


def make_app(uri="sqlite://"):
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = uri
    db.init_app(app)
    return app


def last_line(error):
    """The line a traceback ends with: module.Type: message."""
    kind = type(error)
    module = "" if kind.__module__ == "builtins" else f"{kind.__module__}."
    return f"{module}{kind.__qualname__}: {error}"


def without_addresses(text):
    return re.sub(r"0x[0-9a-f]+", "0x…", text)


def create_all_outside_context():
    app = make_app()  # noqa: F841  (the app exists, but no context is pushed)
    try:
        # --8<-- [start:create-all]
        db.create_all()  # at import time, in a script, outside any context
        # --8<-- [end:create-all]
    except RuntimeError as error:
        return last_line(error)


def create_all_in_context():
    # --8<-- [start:create-all-fix]
    app = make_app()
    with app.app_context():
        db.create_all()
    # --8<-- [end:create-all-fix]
    with app.app_context():
        return sa.inspect(db.engine).get_table_names()


def registered_twice():
    app = make_app()
    try:
        # --8<-- [start:twice]
        db.init_app(app)  # a second time: create_app() and wsgi.py both call it
        # --8<-- [end:twice]
    except RuntimeError as error:
        return last_line(error)


def not_registered():
    # --8<-- [start:two-instances]
    other_db = SQLAlchemy()  # a second instance, made in another module
    app = make_app()  # registers the first one, `db`, on the app
    with app.app_context():
        other_db.session.execute(sa.text("select 1"))
    # --8<-- [end:two-instances]


def not_registered_message():
    try:
        not_registered()
    except RuntimeError as error:
        return last_line(error)


def detached():
    app = make_app()
    with app.app_context():
        db.create_all()
    # --8<-- [start:detached]
    with app.app_context():
        user = User(email="ada@example.com")
        db.session.add(user)
        db.session.commit()  # expires user's attributes
    # the context ended: the session was removed, user is detached
    return user.email  # needs a reload, and there is no session
    # --8<-- [end:detached]


def detached_message():
    try:
        detached()
    except sa.orm.exc.DetachedInstanceError as error:
        return without_addresses(last_line(error))


def pending_rollback(fixed=False):
    app = make_app()
    with app.app_context():
        db.create_all()
        db.session.add(User(email="ada@example.com"))
        db.session.commit()
        # --8<-- [start:pending]
        try:
            db.session.add(User(email="ada@example.com"))  # a duplicate
            db.session.commit()
        except sa.exc.IntegrityError:
            if fixed:
                db.session.rollback()  # the fix: end the failed transaction
            # the bug: without it, the session keeps the failed transaction
        db.session.add(User(email="grace@example.com"))
        db.session.commit()
        # --8<-- [end:pending]
        return db.session.scalars(sa.select(User.email)).all()


def pending_rollback_message():
    try:
        pending_rollback()
    except sa.exc.PendingRollbackError as error:
        return last_line(error).split(" Original exception")[0]


def textual_sql():
    app = make_app()
    with app.app_context():
        try:
            # --8<-- [start:textual]
            db.session.execute("SELECT count(*) FROM user")
            # --8<-- [end:textual]
        except sa.exc.ArgumentError as error:
            return last_line(error)


def textual_sql_fixed():
    app = make_app()
    with app.app_context():
        db.create_all()
        # --8<-- [start:textual-fix]
        db.session.execute(sa.text("SELECT count(*) FROM user")).scalar()
        # --8<-- [end:textual-fix]
        return db.session.execute(sa.text("SELECT count(*) FROM user")).scalar()


def no_such_table():
    app = make_app()
    with app.app_context():
        try:
            # no create_all(), no `flask db upgrade`: the database is empty
            db.session.scalars(sa.select(User)).all()
        except sa.exc.OperationalError as error:
            return last_line(error).split("\n")[0]


def legacy_query_get():
    app = make_app()
    with app.app_context():
        db.create_all()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            # --8<-- [start:legacy-get]
            User.query.get(1)  # 2.x: db.session.get(User, 1)
            # --8<-- [end:legacy-get]
        warning = caught[0]
        return f"{warning.category.__module__}.{warning.category.__name__}: {warning.message}"


def database_is_locked():
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "shop.db"
        writer = sqlite3.connect(path, isolation_level=None)
        writer.execute("CREATE TABLE item (name TEXT)")
        writer.execute("BEGIN IMMEDIATE")  # a write transaction left open
        writer.execute("INSERT INTO item VALUES ('pen')")
        # --8<-- [start:locked]
        engine = sa.create_engine(
            f"sqlite:///{path}", connect_args={"timeout": 0.1}
        )  # sqlite3's default wait is 5 s; a short one shows it sooner
        with engine.begin() as conn:  # another worker writes meanwhile
            conn.execute(sa.text("INSERT INTO item VALUES ('ink')"))
        # --8<-- [end:locked]


def database_is_locked_message():
    try:
        database_is_locked()
    except sa.exc.OperationalError as error:
        return last_line(error).split("\n")[0]


def flask_db_transcript(*steps):
    """Run `flask db` commands in a fresh folder; what each printed, trimmed."""
    noise = ("alembic.runtime.plugins", "Context impl", "non-transactional",
             "Creating directory", "Generating", "Please edit configuration",
             "Detected added", "Running upgrade")
    with tempfile.TemporaryDirectory() as folder:
        app = migrate_app.create_app(
            f"sqlite:///{folder}/notes.db", f"{folder}/migrations"
        )
        lines = []
        try:
            for step in steps:
                if callable(step):
                    lines.append(f"# {step(folder)}")
                    continue
                result = migrate_app.flask_db(app, *step.split())
                lines.append(f"$ flask db {step}    (exit code {result.exit_code})")
                lines += [line for line in result.output.strip().splitlines()
                          if line and not any(n in line for n in noise)]
        finally:
            with app.app_context():
                migrate_app.db.engine.dispose()
        return "\n".join(lines)


def target_not_up_to_date():
    return flask_db_transcript("init", "migrate -m add-note", "migrate -m again")


def point_database_at_a_missing_revision(folder):
    with sqlite3.connect(Path(folder) / "notes.db") as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'a1b2c3d4e5f6'")
    return "the database was migrated from another branch: a1b2c3d4e5f6"


def cannot_locate_revision():
    return flask_db_transcript("init", "migrate -m add-note", "upgrade",
                               point_database_at_a_missing_revision, "upgrade")
