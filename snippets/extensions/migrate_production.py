"""Migrations in production: expand/contract, named constraints for SQLite batch
mode, heads, stamp.
"""

import shlex
import sys
import tempfile
from pathlib import Path

import sqlalchemy as sa
from alembic.migration import MigrationContext
from alembic.operations import Operations
from flask import Flask
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from snippets.extensions.migrate_app import flask_db

# --8<-- [start:naming]
convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# then SQLAlchemy(model_class=Base), as on the other pages
class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=convention)


db = SQLAlchemy(model_class=Base)


class Account(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    # named uq_account_email
    email: Mapped[str] = mapped_column(sa.String(200), unique=True)


# --8<-- [end:naming]


migrate = Migrate()


@migrate.configure
def print_where_click_prints(config):
    """Send the output of `heads` and `current` where click's goes.

    Alembic's Config binds sys.stdout when alembic is imported, so `heads` and
    `current` would print past the test runner.
    """
    config.stdout = sys.stdout
    return config


def create_app(database_uri, migrations):
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = database_uri
    db.init_app(app)
    migrate.init_app(app, db, directory=migrations)
    return app


def account_table(metadata):
    return sa.Table(
        "account",
        metadata,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("email", sa.String(200), unique=True),
    )


# --8<-- [start:batch]
def drop_the_unique_constraint(metadata):
    """What a migration does on SQLite to drop a constraint.

    Batch mode copies the table.
    """
    engine = sa.create_engine("sqlite://")
    account_table(metadata).create(engine)
    with engine.begin() as conn:
        ddl = conn.exec_driver_sql(
            "select sql from sqlite_master where name = 'account'"
        ).scalar()
        found = sa.inspect(conn).get_unique_constraints("account")
        # the `op` of a migration script
        op = Operations(MigrationContext.configure(conn))
        try:
            with op.batch_alter_table("account") as batch:
                batch.drop_constraint("uq_account_email", type_="unique")
            left = sa.inspect(conn).get_unique_constraints("account")
            result = f"dropped, left: {left}"
        except ValueError as error:
            result = f"ValueError: {error}"
    constraint = next(
        line.strip() for line in ddl.splitlines() if "UNIQUE" in line
    )
    return (
        f"  in CREATE TABLE: {constraint}\n"
        f"  reflected:       {found}\n"
        f"  drop:            {result}"
    )


# --8<-- [end:batch]


def named_or_not():
    return "\n".join(
        [
            "MetaData() without a convention:",
            drop_the_unique_constraint(sa.MetaData()),
            "MetaData(naming_convention=convention):",
            drop_the_unique_constraint(
                sa.MetaData(naming_convention=convention)
            ),
        ]
    )


# --8<-- [start:expand]
def old_code_insert(conn):
    """What the release still serving traffic does during the deploy."""
    conn.execute(sa.text("insert into person (name) values ('Ada')"))


def rolling_deploy(step):
    engine = sa.create_engine("sqlite://")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "create table person (id integer primary key, name varchar(100))"
        )
        op = Operations(MigrationContext.configure(conn))
        if step == "rename in one step":
            with op.batch_alter_table("person") as batch:
                batch.alter_column("name", new_column_name="full_name")
        else:  # expand: add the new column next to the old one, nullable
            op.add_column(
                "person", sa.Column("full_name", sa.String(100), nullable=True)
            )
        try:
            old_code_insert(conn)
            return f"{step:20} -> the old release still inserts"
        except sa.exc.OperationalError as error:
            return f"{step:20} -> the old release fails: {error.orig}"


# --8<-- [end:expand]


def deploys():
    return "\n".join(
        rolling_deploy(step) for step in ("rename in one step", "expand")
    )


def session(app, folder, commands):
    lines = []
    for args in commands:
        result = flask_db(app, *args)
        lines.append(
            f"$ flask db {shlex.join(args)}    (exit code {result.exit_code})"
        )
        output = result.output.replace(folder, "<tmp>").strip().splitlines()
        lines += [
            f"  {line}"
            for line in output
            if "Context impl" not in line
            and "non-transactional" not in line
            and "Creating directory" not in line
            and "alembic.runtime.plugins" not in line
        ]
        # a shell's traceback
        if result.exception and not isinstance(result.exception, SystemExit):
            name = type(result.exception).__name__
            first_line = str(result.exception).splitlines()[0]
            lines.append(f"  {name}: {first_line}")
    return "\n".join(lines)


# --8<-- [start:heads]
TWO_BRANCHES = [
    ("migrate", "-m", "create tables", "--rev-id", "0001"),
    ("revision", "-m", "add phone", "--rev-id", "0002a"),  # your branch
    # theirs
    (
        "revision",
        "-m",
        "add avatar",
        "--rev-id",
        "0002b",
        "--head",
        "0001",
        "--splice",
    ),
    ("upgrade",),
    ("heads",),
    ("merge", "-m", "merge phone and avatar", "--rev-id", "0003", "heads"),
    ("upgrade",),
    ("current",),
]
# --8<-- [end:heads]


# --8<-- [start:stamp]
# a database whose tables create_all() made, before there were migrations
STAMP = [
    ("current",),  # Alembic knows of no revision
    ("upgrade",),  # so it runs 0001, and CREATE TABLE fails: the table is there
    # record "this database is at head" without running anything
    ("stamp", "head"),
    ("current",),
    ("upgrade",),  # nothing left to do
]
# --8<-- [end:stamp]


def in_a_new_project(*batches):
    """Run each batch of commands in one new project; between batches,
    create_all().
    """
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(
            f"sqlite:///{folder}/accounts.db", f"{folder}/migrations"
        )
        try:
            flask_db(app, "init")
            shown = []
            for number, commands in enumerate(batches):
                if number:
                    with app.app_context():
                        db.create_all()
                    shown.append(
                        "(the tables are created with db.create_all())"
                    )
                shown.append(session(app, folder, commands))
            shown.append("revisions: " + ", ".join(revision_files(folder)))
            return "\n".join(shown)
        finally:
            with app.app_context():
                db.engine.dispose()


def merge_transcript():
    return in_a_new_project(TWO_BRANCHES)


def stamp_transcript():
    return in_a_new_project(
        [("migrate", "-m", "create tables", "--rev-id", "0001")], STAMP
    )


def first_script():
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(
            f"sqlite:///{folder}/accounts.db", f"{folder}/migrations"
        )
        try:
            flask_db(app, "init")
            flask_db(app, "migrate", "-m", "create tables", "--rev-id", "0001")
            script = Path(
                folder, "migrations", "versions", "0001_create_tables.py"
            ).read_text()
        finally:
            with app.app_context():
                db.engine.dispose()
    return "\n".join(
        line for line in script.splitlines() if "Constraint" in line
    )


def revision_files(folder):
    return sorted(
        path.name
        for path in Path(folder, "migrations", "versions").glob("*.py")
    )
