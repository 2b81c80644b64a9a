"""Closing a database connection at the end of the request: the fragile way and
the safe way."""

import sqlite3

import click
from flask import Flask, current_app, g


# --8<-- [start:fragile]
def create_fragile_app(database):
    app = Flask(__name__)

    @app.before_request
    def open_connection():
        g.db = sqlite3.connect(database)  # if this raises, g.db is never set

    @app.teardown_request
    def close_connection(exc):
        g.db.close()  # ...and this raises AttributeError on top of it

    @app.get("/tables")
    def tables():
        return {"tables": count_tables(g.db)}

    return app
# --8<-- [end:fragile]


# --8<-- [start:safe]
def get_db():
    """Open the connection on first use in this app context, then reuse it."""
    if "db" not in g:
        g.db = sqlite3.connect(current_app.config["DATABASE"])
    return g.db


def close_db(exc):
    db = g.pop("db", None)  # None when nothing opened one: nothing to close
    if db is not None:
        db.close()


def create_app(database):
    app = Flask(__name__)
    app.config["DATABASE"] = database
    app.teardown_appcontext(close_db)  # runs for requests and for CLI commands

    @app.get("/tables")
    def tables():
        return {"tables": count_tables(get_db())}

    @app.get("/health")
    def health():  # never touches the database, so never connects
        return {"ok": True}

    @app.cli.command("init-db")
    def init_db():
        get_db().execute("create table if not exists item (name text)")
        click.echo(f"{count_tables(get_db())} table(s)")

    return app
# --8<-- [end:safe]


def count_tables(db):
    return db.execute(
        "select count(*) from sqlite_master where type = 'table'"
    ).fetchone()[0]
