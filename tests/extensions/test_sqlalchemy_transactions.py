"""Transactions with Flask-SQLAlchemy 3.1 on real SQLite files: rollback, the unique race, expiry."""

import pytest
from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError, PendingRollbackError
from sqlalchemy.orm.exc import DetachedInstanceError

from snippets.extensions import sqlalchemy_transactions as tx
from snippets.extensions.sqlalchemy_transactions import User, create_app, db, keep


@pytest.fixture
def app(tmp_path):
    app = create_app(f"sqlite:///{tmp_path / 'users.db'}")
    yield app
    with app.app_context():
        db.engine.dispose()


def test_check_then_insert_lets_two_concurrent_requests_both_in():
    assert tx.race("/members") == (
        "POST /members twice at once -> statuses [201, 201], rows with that e-mail: 2")


def test_the_unique_constraint_lets_exactly_one_in_and_the_other_gets_409():
    assert tx.race("/users") == (
        "POST /users twice at once -> statuses [201, 409], rows with that e-mail: 1")
    assert tx.email_taken.__name__ == "email_taken"  # the race helper put the check back


def test_one_at_a_time_both_versions_answer_409(app):
    client = app.test_client()
    for path in ("/members", "/users"):
        assert client.post(path, json={"email": "ada@example.com"}).status_code == 201
        second = client.post(path, json={"email": "ada@example.com"})
        assert (second.status_code, second.json) == (409, {"error": "email_taken"})


def test_the_constraint_is_in_the_schema_not_only_in_python(app):
    with app.app_context():
        unique = inspect(db.engine).get_unique_constraints("user")
        assert [c["column_names"] for c in unique] == [["email"]]
        assert inspect(db.engine).get_unique_constraints("member") == []


def test_after_an_integrity_error_the_session_refuses_work_until_rollback():
    forgotten = tx.after_an_integrity_error(rollback=False)
    assert "IntegrityError: UNIQUE constraint failed: user.email" in forgotten
    assert "PendingRollbackError: This Session's transaction has been rolled back" in forgotten
    assert tx.after_an_integrity_error(rollback=True).endswith("next query    -> 1 user(s)")
    assert "forgotten" in tx.rollback_or_not() and "called" in tx.rollback_or_not()


def test_the_next_request_gets_a_fresh_session_because_teardown_removes_it(app):
    with app.app_context():
        db.session.add_all([User(email="ada@example.com"), User(email="ada@example.com")])
        with pytest.raises(IntegrityError):
            db.session.commit()
        with pytest.raises(PendingRollbackError):
            db.session.execute(db.select(User)).all()
    with app.app_context():  # a new context, a new session: the failed one was removed
        assert db.session.execute(db.select(User)).all() == []


def test_nothing_is_committed_for_you_at_teardown(app):
    with app.app_context():
        db.session.add(User(email="ada@example.com"))  # no commit
    with app.app_context():
        assert db.session.execute(db.select(User)).all() == []


def test_expire_on_commit_reloads_on_read_and_fails_once_detached():
    shown = tx.after_commit(db, User)
    assert "reading .email ran 1 statement(s)" in shown
    assert "DetachedInstanceError: is not bound to a Session" in shown


def test_expire_on_commit_false_keeps_the_loaded_values():
    assert tx.after_commit(keep, tx.Report).splitlines() == [
        "inside the context: reading .email ran 0 statement(s)",
        "after teardown:     .email is 'bob@example.com'",
    ]
    assert "expire_on_commit=False" in tx.expire_or_not()


def test_the_race_output_for_the_page():
    assert tx.races().splitlines()[1].endswith("rows with that e-mail: 1")


def test_detached_error_is_the_real_exception(app):
    with app.app_context():
        user = User(email="ada@example.com")
        db.session.add(user)
        db.session.commit()
    with pytest.raises(DetachedInstanceError):
        user.email


def test_on_flask_3_1_a_request_inside_a_pushed_app_context_shares_its_session(app):
    """Flask 3.2 no longer reuses a pushed app context for a request (CHANGES, issue 5639)."""
    with app.app_context():
        db.session.add(User(email="ada@example.com"))  # pending in the test's session
        response = app.test_client().post("/users", json={"email": "ada@example.com"})
        assert response.status_code == 409  # the request's commit flushed the test's row too
    with app.app_context():
        assert db.session.execute(db.select(User)).all() == []  # and its rollback dropped both
