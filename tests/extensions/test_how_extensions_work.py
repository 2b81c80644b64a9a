"""The init_app pattern: one extension object, per-app state in app.extensions, teardown."""

import sqlite3

import pytest
from flask import Flask

from snippets.extensions.tiny_extension import TinySQLite, create_app, db, two_apps_demo


@pytest.fixture
def shop(tmp_path):
    return create_app(str(tmp_path / "shop.db"))


@pytest.fixture
def blog(tmp_path):
    return create_app(str(tmp_path / "blog.db"))


def test_one_extension_object_keeps_separate_state_for_two_apps(shop, blog):
    shop_client, blog_client = shop.test_client(), blog.test_client()
    assert shop_client.post("/notes", json={"text": "order pens"}).status_code == 201
    assert blog_client.post("/notes", json={"text": "draft post"}).status_code == 201
    assert shop_client.get("/notes").json["notes"] == ["order pens"]
    assert blog_client.get("/notes").json["notes"] == ["draft post"]
    # one object, two states, each stored on its own app
    assert shop.extensions["tinysqlite"] is not blog.extensions["tinysqlite"]
    assert shop.extensions["tinysqlite"].path.endswith("shop.db")
    assert blog.extensions["tinysqlite"].path.endswith("blog.db")
    assert shop.extensions["tinysqlite"].connections_opened == 2
    assert not hasattr(db, "app")  # the extension object holds no app


def test_the_demo_shows_two_databases_and_a_refused_note():
    out = two_apps_demo()
    assert "shop GET /notes -> {'connections_opened': 3, 'notes': ['order pens', 'order ink']}" in out
    assert "blog GET /notes -> {'connections_opened': 2, 'notes': ['draft post']}" in out
    assert "-> 400" in out


@pytest.mark.parametrize("body", [{"text": ""}, {"text": 3}, ["text"], None])
def test_bad_input_gets_400_and_opens_no_connection(shop, body):
    response = shop.test_client().post("/notes", json=body)
    assert response.status_code == 400
    assert response.json == {"error": 'send JSON like {"text": "buy milk"}'}
    assert shop.extensions["tinysqlite"].connections_opened == 0


def test_teardown_closes_the_connection_when_the_context_ends(shop):
    with shop.app_context():
        conn = db.connection
        assert db.connection is conn  # reused within one context
    with pytest.raises(sqlite3.ProgrammingError, match="closed database"):
        conn.execute("select 1")


def test_teardown_runs_after_a_cli_command_and_receives_the_exception(shop):
    seen, used = [], []
    shop.teardown_appcontext(lambda exc: seen.append(exc) or "ignored")

    @shop.cli.command("count-tables")
    def count_tables():
        used.append(db.connection)
        print(db.connection.execute("select count(*) from sqlite_master").fetchone()[0])

    result = shop.test_cli_runner().invoke(args=["count-tables"])
    assert (result.exit_code, result.output) == (0, "0\n")
    assert seen == [None]
    with pytest.raises(sqlite3.ProgrammingError, match="closed database"):
        used[0].execute("select 1")  # closed by _close when the command's context ended
    with pytest.raises(ZeroDivisionError):
        with shop.app_context():
            1 / 0
    assert isinstance(seen[-1], ZeroDivisionError)


def test_init_app_refuses_an_app_without_its_setting():
    with pytest.raises(RuntimeError, match="needs TINYSQLITE_PATH"):
        TinySQLite().init_app(Flask(__name__))


def test_the_constructor_accepts_an_app_directly(tmp_path):
    app = Flask(__name__)
    app.config["TINYSQLITE_PATH"] = str(tmp_path / "direct.db")
    ext = TinySQLite(app)
    with app.app_context():
        assert ext.connection.execute("select 1").fetchone() == (1,)


def test_an_app_that_never_called_init_app_gets_a_clear_error():
    with Flask(__name__).app_context():
        with pytest.raises(RuntimeError, match=r"init_app\(\) was not called for this app"):
            db.connection


def test_outside_any_app_context_flask_refuses():
    with pytest.raises(RuntimeError, match="Working outside of application context"):
        db.connection


def test_flask_login_keeps_login_view_on_the_manager_not_per_app(monkeypatch):
    from snippets.extensions.login_app import create_app as create_login_app
    from snippets.extensions.login_app import login_manager

    first, second = create_login_app(), create_login_app()
    assert first.login_manager is second.login_manager is login_manager
    monkeypatch.setattr(login_manager, "login_view", None)  # "change it for the first app"...
    assert second.test_client().get("/profile").status_code == 401  # ...the second app changed too


def test_on_flask_3_1_a_failing_teardown_stops_the_ones_after_it():
    app, ran = Flask(__name__), []
    app.teardown_appcontext(lambda exc: ran.append("registered first"))

    @app.teardown_appcontext
    def broken(exc):  # registered last, so it runs first
        raise OSError("cannot close")

    with pytest.raises(OSError):
        with app.app_context():
            pass
    assert ran == []  # the other teardown never ran
