"""Audit 24: g.db.close() in teardown hides the real error; g.pop('db', None) does not."""

import sqlite3
import traceback

import pytest

from snippets.lifecycle.teardown_db import create_app, create_fragile_app, get_db


@pytest.fixture
def good_path(tmp_path):
    return str(tmp_path / "app.db")


@pytest.fixture
def bad_path(tmp_path):
    return str(tmp_path / "no-such-folder" / "app.db")  # sqlite3 cannot create the folder


@pytest.fixture
def connections(monkeypatch):
    """Record every connection the app opens, to check that it was closed."""
    opened, real_connect = [], sqlite3.connect

    def recording_connect(*args, **kwargs):
        opened.append(real_connect(*args, **kwargs))
        return opened[-1]

    monkeypatch.setattr(sqlite3, "connect", recording_connect)
    return opened


def test_fragile_version_works_while_the_database_does(good_path):
    response = create_fragile_app(good_path).test_client().get("/tables")
    assert response.status_code == 200
    assert response.json == {"tables": 0}


def test_fragile_version_replaces_the_real_error_with_attribute_error(bad_path, caplog):
    app = create_fragile_app(bad_path)
    with pytest.raises(AttributeError) as caught:
        app.test_client().get("/tables")  # the 500 Flask built is lost as well
    assert str(caught.value) == "db"
    logged = [r for r in caplog.records if r.getMessage() == "Exception on /tables [GET]"]
    assert logged and logged[0].exc_info[0] is sqlite3.OperationalError  # only the log has it
    chain = []
    error = caught.value
    while error is not None:
        chain.append(type(error))
        error = error.__context__
    assert sqlite3.OperationalError not in chain  # outside debug/testing: no trace of it


def test_fragile_version_in_testing_mode_buries_the_real_error_in_the_context(bad_path):
    app = create_fragile_app(bad_path)
    app.testing = True
    with pytest.raises(AttributeError) as caught:
        app.test_client().get("/tables")
    assert isinstance(caught.value.__context__, KeyError)
    assert isinstance(caught.value.__context__.__context__, sqlite3.OperationalError)
    assert caught.value.__suppress_context__  # raised "from None": the traceback hides the chain
    printed = "".join(traceback.format_exception(caught.value))
    assert "AttributeError: db" in printed and "OperationalError" not in printed


def test_safe_version_reports_the_real_error(bad_path):
    app = create_app(bad_path)
    app.testing = True
    with pytest.raises(sqlite3.OperationalError, match="unable to open database file"):
        app.test_client().get("/tables")


def test_safe_version_answers_500_in_production_mode(bad_path):
    response = create_app(bad_path).test_client().get("/tables")
    assert response.status_code == 500


def test_safe_version_does_not_connect_for_views_that_need_no_database(bad_path, connections):
    response = create_app(bad_path).test_client().get("/health")
    assert response.json == {"ok": True}
    assert connections == []


def test_safe_version_closes_the_connection_after_the_request(good_path, connections):
    response = create_app(good_path).test_client().get("/tables")
    assert response.json == {"tables": 0}
    assert len(connections) == 1
    with pytest.raises(sqlite3.ProgrammingError, match="closed database"):
        connections[0].execute("select 1")


def test_teardown_appcontext_also_closes_it_outside_requests(good_path):
    app = create_app(good_path)
    with app.app_context():
        db = get_db()
        assert get_db() is db  # one connection per context
    with pytest.raises(sqlite3.ProgrammingError, match="closed database"):
        db.execute("select 1")


def test_the_cli_command_uses_and_closes_the_same_connection(good_path, connections):
    result = create_app(good_path).test_cli_runner().invoke(args=["init-db"])
    assert result.exit_code == 0
    assert result.output == "1 table(s)\n"
    assert len(connections) == 1
    with pytest.raises(sqlite3.ProgrammingError):
        connections[0].execute("select 1")
