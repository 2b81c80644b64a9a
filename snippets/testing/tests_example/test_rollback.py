"""The faster pattern: one database for the module, each test inside a
transaction that is rolled back, so nothing a test commits survives it."""

import pytest
from sqlalchemy import event
from sqlalchemy.orm import scoped_session, sessionmaker

from journal import create_app
from journal.models import Entry, db


# --8<-- [start:fixtures]
@pytest.fixture(scope="module")
def shared_app(tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / "shared.db"
    app = create_app(
        {"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"}
    )
    with app.app_context():
        let_sqlite_use_savepoints(db.engine)
        db.create_all()  # once for the module, not once per test
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def session(shared_app, monkeypatch):
    # a context only to reach the engine; requests push their own
    with shared_app.app_context():
        connection = db.engine.connect()
    outer = connection.begin()  # never committed
    # commit() in the app now releases a SAVEPOINT inside `outer`
    factory = sessionmaker(
        bind=connection, join_transaction_mode="create_savepoint"
    )
    test_session = scoped_session(factory)
    monkeypatch.setattr(db, "session", test_session)  # what the views use
    yield test_session
    test_session.remove()
    outer.rollback()  # throw away everything the test wrote
    connection.close()
# --8<-- [end:fixtures]


# --8<-- [start:sqlite]
def let_sqlite_use_savepoints(engine):
    """SQLite only (PostgreSQL needs none of this): stop Python's sqlite3
    module from managing transactions itself, and let SQLAlchemy emit BEGIN."""
    @event.listens_for(engine, "connect")
    def no_implicit_transactions(dbapi_connection, connection_record):
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def explicit_begin(connection):
        connection.exec_driver_sql("BEGIN")
# --8<-- [end:sqlite]


# --8<-- [start:tests]
@pytest.mark.parametrize("city", ["Oslo", "Lima"])
def test_each_test_sees_only_its_own_rows(shared_app, session, city):
    client = shared_app.test_client()
    response = client.post("/api/entries", json={"city": city, "text": "..."})
    assert response.status_code == 201  # the view called commit()
    entries = session.execute(db.select(Entry)).scalars()
    assert [e.city for e in entries] == [city]
# --8<-- [end:tests]
