"""Facts the Databases page states about Flask-SQLAlchemy and SQLite, shown outside the example."""

from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import create_engine, event, text
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool


def test_a_relative_sqlite_path_lands_in_the_instance_folder(tmp_path):
    app = Flask("shop", instance_path=str(tmp_path / "instance"))
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///journal.db"
    db = SQLAlchemy(app)
    with app.app_context():
        assert db.engine.url.database == str(tmp_path / "instance" / "journal.db")


def test_in_memory_sqlite_gets_one_shared_connection():
    app = Flask("shop")
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
    db = SQLAlchemy(app)
    with app.app_context():
        assert isinstance(db.engine.pool, StaticPool)


def _rows_left_after_a_rolled_back_test(path, fix_sqlite):
    engine = create_engine(f"sqlite:///{path}")
    if fix_sqlite:  # the two hooks of snippets/testing/tests_example/test_rollback.py
        event.listen(engine, "connect", lambda dbapi, record: setattr(dbapi, "isolation_level", None))
        event.listen(engine, "begin", lambda connection: connection.exec_driver_sql("BEGIN"))
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE entry (city TEXT)")
    with engine.connect() as connection:
        outer = connection.begin()
        with Session(bind=connection, join_transaction_mode="create_savepoint") as session:
            session.execute(text("INSERT INTO entry VALUES ('Oslo')"))
            session.commit()  # what the app's view does
        outer.rollback()      # what the fixture does
    with engine.connect() as connection:
        left = connection.execute(text("SELECT count(*) FROM entry")).scalar()
    engine.dispose()
    return left


def test_without_the_hooks_sqlite_keeps_the_committed_row(tmp_path):
    assert _rows_left_after_a_rolled_back_test(tmp_path / "plain.db", fix_sqlite=False) == 1


def test_with_the_hooks_the_rollback_removes_it(tmp_path):
    assert _rows_left_after_a_rolled_back_test(tmp_path / "fixed.db", fix_sqlite=True) == 0
