"""Flask-SQLAlchemy 3.x configuration facts, each one measured rather than
remembered.
"""

import tempfile
from pathlib import Path

from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)


class Item(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)


def make_app(folder, **config):
    app = Flask(__name__, instance_path=str(Path(folder) / "instance"))
    app.config.update(config)
    db.init_app(app)
    return app


# --8<-- [start:outside-context]
def create_all_without_a_context(folder):
    make_app(folder, SQLALCHEMY_DATABASE_URI="sqlite:///shop.db")
    db.create_all()  # no app context: which app's engine would this use?


def create_all_with_a_context(folder):
    app = make_app(folder, SQLALCHEMY_DATABASE_URI="sqlite:///shop.db")
    with app.app_context():
        db.create_all()
        return sorted(db.metadata.tables)


# --8<-- [end:outside-context]


# --8<-- [start:relative-path]
def where_does_sqlite_go(folder):
    app = make_app(folder, SQLALCHEMY_DATABASE_URI="sqlite:///shop.db")
    with app.app_context():
        db.create_all()
        database = Path(db.engine.url.database)
    return database.relative_to(folder)  # instance/shop.db, not ./shop.db


# --8<-- [end:relative-path]


# --8<-- [start:pool]
def pool_sizes(folder):
    # a file: SQLAlchemy 2 gives it a QueuePool
    uri = f"sqlite:///{Path(folder) / 'pool.db'}"
    old = make_app(folder, SQLALCHEMY_DATABASE_URI=uri, SQLALCHEMY_POOL_SIZE=20)
    new = make_app(
        folder,
        SQLALCHEMY_DATABASE_URI=uri,
        SQLALCHEMY_ENGINE_OPTIONS={
            "pool_size": 20,
            "pool_recycle": 1800,
            "pool_pre_ping": True,
        },
    )
    sizes = {}
    for name, app in [
        ("SQLALCHEMY_POOL_SIZE=20", old),
        ("ENGINE_OPTIONS pool_size=20", new),
    ]:
        with app.app_context():
            sizes[name] = db.engine.pool.size()
    return sizes


# --8<-- [end:pool]


def track_modifications_default(folder):
    app = make_app(folder, SQLALCHEMY_DATABASE_URI="sqlite://")
    return app.config["SQLALCHEMY_TRACK_MODIFICATIONS"]


def report():
    """Everything above, run in a fresh temporary folder (shown on the page)."""
    with tempfile.TemporaryDirectory() as folder:
        try:
            create_all_without_a_context(folder)
        except RuntimeError as error:
            outside = f"RuntimeError: {str(error).splitlines()[0]}"
        sizes = pool_sizes(folder)
        inside = create_all_with_a_context(folder)
        where = where_does_sqlite_go(folder)
        old_key = sizes["SQLALCHEMY_POOL_SIZE=20"]
        options = sizes["ENGINE_OPTIONS pool_size=20"]
        track = track_modifications_default(folder)
        return "\n".join(
            [
                f"create_all() outside a context -> {outside}",
                f"create_all() inside one        -> tables {inside}",
                f"sqlite:///shop.db is stored at -> {where}",
                f"pool size with the old key     -> {old_key}",
                f"pool size with ENGINE_OPTIONS  -> {options}",
                f"SQLALCHEMY_TRACK_MODIFICATIONS -> {track}",
            ]
        )
