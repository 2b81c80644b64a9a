"""docs/troubleshooting/databases-and-migrations.md: each symptom reproduced, with its exact text,
and each fix shown to work."""

import pytest

from snippets.troubleshooting import databases_and_migrations as dbm


def test_create_all_outside_context():
    assert dbm.create_all_outside_context().startswith(
        "RuntimeError: Working outside of application context.\n")
    assert dbm.create_all_in_context() == ["user"]  # the fix: inside app.app_context()


def test_sqlalchemy_registered_twice():
    assert dbm.registered_twice() == (
        "RuntimeError: A 'SQLAlchemy' instance has already been registered on this Flask app. "
        "Import and use that instance instead.")


def test_sqlalchemy_not_registered():
    assert dbm.not_registered_message() == (
        "RuntimeError: The current Flask app is not registered with this 'SQLAlchemy' instance. "
        "Did you forget to call 'init_app', or did you create multiple 'SQLAlchemy' instances?")


def test_detached_instance():
    assert dbm.detached_message().startswith(
        "sqlalchemy.orm.exc.DetachedInstanceError: Instance <User at 0x…> is not bound to a "
        "Session; attribute refresh operation cannot proceed")


def test_pending_rollback():
    assert dbm.pending_rollback_message() == (
        "sqlalchemy.exc.PendingRollbackError: This Session's transaction has been rolled back due "
        "to a previous exception during flush. To begin a new transaction with this Session, "
        "first issue Session.rollback().")
    # the fix: roll back in the except, and the next commit works
    assert dbm.pending_rollback(fixed=True) == ["ada@example.com", "grace@example.com"]


def test_textual_sql():
    assert dbm.textual_sql() == (
        "sqlalchemy.exc.ArgumentError: Textual SQL expression 'SELECT count(*) FROM user' should "
        "be explicitly declared as text('SELECT count(*) FROM user')")
    assert dbm.textual_sql_fixed() == 0


def test_no_such_table():
    assert dbm.no_such_table() == (
        "sqlalchemy.exc.OperationalError: (sqlite3.OperationalError) no such table: user")


def test_a_relative_sqlite_path_goes_under_the_instance_folder(tmp_path):
    # The claim on the page (flask_sqlalchemy/extension.py, _apply_driver_defaults); the
    # instance folder, which init_app creates, is kept out of the repository.
    app2 = dbm.Flask("probe", instance_path=str(tmp_path / "instance"))
    app2.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///shop.db"
    dbm.db.init_app(app2)
    with app2.app_context():
        assert dbm.db.engine.url.database == str(tmp_path / "instance" / "shop.db")


def test_legacy_query_get_warning():
    assert dbm.legacy_query_get().startswith(
        "sqlalchemy.exc.LegacyAPIWarning: The Query.get() method is considered legacy as of the "
        "1.x series of SQLAlchemy and becomes a legacy construct in 2.0.")


def test_database_is_locked():
    assert dbm.database_is_locked_message() == (
        "sqlalchemy.exc.OperationalError: (sqlite3.OperationalError) database is locked")


def test_target_database_is_not_up_to_date():
    out = dbm.target_not_up_to_date()
    assert out.endswith("$ flask db migrate -m again    (exit code 1)\n"
                        "ERROR [flask_migrate] Error: Target database is not up to date.")


def test_cannot_locate_revision():
    out = dbm.cannot_locate_revision()
    assert "$ flask db upgrade    (exit code 0)" in out
    assert out.endswith("$ flask db upgrade    (exit code 1)\n"
                        "ERROR [flask_migrate] Error: Can't locate revision identified by "
                        "'a1b2c3d4e5f6'")


@pytest.mark.parametrize("name", ["create_all_outside_context", "registered_twice"])
def test_messages_are_stable_across_calls(name):
    # the page's record is one call; a second call (a new app, the same module-level db) agrees
    assert getattr(dbm, name)() == getattr(dbm, name)()
