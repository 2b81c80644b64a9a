"""The factory and the fixtures around it: what the Testing pages say about them."""

import configparser
import inspect
from importlib.metadata import entry_points

import pytest
from flask import Flask, request, session
from flask.testing import FlaskClient
from werkzeug.security import check_password_hash, generate_password_hash
from werkzeug.test import TestResponse
from werkzeug.wrappers import Request, Response

from snippets.testing.journal import create_app
from snippets.testing.run_examples import PROJECT


def test_without_test_config_the_factory_reads_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("FLASK_SECRET_KEY", "from-the-environment")
    monkeypatch.setenv("FLASK_SQLALCHEMY_DATABASE_URI", f"sqlite:///{tmp_path / 'prod.db'}")
    app = create_app()
    assert app.config["SECRET_KEY"] == "from-the-environment"
    assert app.config["SQLALCHEMY_DATABASE_URI"].endswith("prod.db")
    assert app.testing is False


def test_two_calls_give_two_independent_apps(tmp_path):
    one = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'one.db'}", "TESTING": True})
    two = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'two.db'}"})
    assert one is not two
    assert (one.testing, two.testing) == (True, False)


def _app_with_a_bug(tmp_path, testing):
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 't.db'}", "TESTING": testing})

    @app.get("/bug")
    def bug():
        return 1 / 0

    return app


def test_testing_true_lets_the_exception_reach_the_test(tmp_path):
    client = _app_with_a_bug(tmp_path, testing=True).test_client()
    with pytest.raises(ZeroDivisionError):
        client.get("/bug")


def test_without_testing_the_bug_becomes_a_500_from_the_error_handler(tmp_path):
    response = _app_with_a_bug(tmp_path, testing=False).test_client().get("/bug")
    assert response.status_code == 500
    assert response.json["error"] == "Internal Server Error"


def test_flask_ships_no_pytest_plugin_and_no_fixtures():
    # The `app`, `client`, `runner` and database fixtures are the project's own (conftest.py).
    plugins = [ep for ep in entry_points(group="pytest11") if ep.dist.name.lower() == "flask"]
    assert plugins == []
    conftest = (PROJECT / "tests_example" / "conftest.py").read_text()
    for fixture in ("def app(tmp_path)", "def client(app)", "def runner(app)", "def auth(client)"):
        assert fixture in conftest


def test_the_example_project_pytest_ini():
    config = configparser.ConfigParser()
    with open(PROJECT / "pytest.ini") as ini:
        config.read_file(ini)
    assert dict(config["pytest"]) == {
        "testpaths": "tests_example", "pythonpath": ".", "filterwarnings": "error"}


def test_propagate_exceptions_defaults_to_none():
    assert Flask.default_config["PROPAGATE_EXCEPTIONS"] is None


def test_the_fixture_user_has_a_cheap_hash_that_logins_can_check():
    conftest = (PROJECT / "tests_example" / "conftest.py").read_text()
    assert 'generate_password_hash("lovelace", method="pbkdf2:sha256:1")' in conftest
    assert generate_password_hash("x").startswith("scrypt:")  # Werkzeug's default, for the app
    cheap = generate_password_hash("lovelace", method="pbkdf2:sha256:1")
    assert cheap.startswith("pbkdf2:sha256:1$")  # the method and its cost travel with the hash
    assert check_password_hash(cheap, "lovelace") and not check_password_hash(cheap, "babbage")


def test_after_a_request_without_with_client_the_session_is_gone(tmp_path):
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 't.db'}", "TESTING": True})
    app.test_client().get("/login")
    with pytest.raises(RuntimeError, match="^Working outside of request context"):
        session.get("user_id")


def test_text_is_a_test_response_extra_and_json_is_on_every_response():
    assert "text" in vars(TestResponse) and not hasattr(Response, "text")
    assert ".. versionadded:: 2.1" in inspect.getdoc(TestResponse.text)
    assert hasattr(Response, "json") and hasattr(Response, "get_json")


def test_relative_redirects_since_werkzeug_2_1():
    assert Response.autocorrect_location_header is False
    source = inspect.getsource(Response)
    assert "versionchanged:: 2.1\n    #:     This is disabled by default, so responses will send relative" in source


def test_get_json_on_a_form_raises_415_since_werkzeug_2_3():
    doc = inspect.getdoc(Request.get_json)
    assert ".. versionchanged:: 2.3\n    Raise a 415 error instead of 400." in doc
    assert ".. versionchanged:: 2.1\n    Raise a 400 error if the content type is incorrect." in doc


def test_get_cookie_is_new_in_werkzeug_2_3():
    doc = inspect.getdoc(FlaskClient.get_cookie)
    assert ".. versionadded:: 2.3" in doc
    set_doc = inspect.getdoc(FlaskClient.set_cookie)
    assert ".. versionchanged:: 3.0\n    The parameter ``server_name`` is removed." in set_doc
    assert "server_name" not in inspect.signature(FlaskClient.set_cookie).parameters
    client = FlaskClient(Flask("shop"))
    with pytest.raises(TypeError):  # the pre-3.0 call in older tutorials
        client.set_cookie("localhost", "name", "value")


def test_an_extension_that_reads_testing(tmp_path):
    from flask_wtf.recaptcha.validators import Recaptcha

    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 't.db'}", "TESTING": True})
    with app.test_request_context(method="POST", data={}):  # no reCAPTCHA answer at all
        assert Recaptcha()(form=None, field=None) is True


def test_propagate_exceptions_false_runs_the_500_handler_in_a_testing_app(tmp_path):
    app = _app_with_a_bug(tmp_path, testing=True)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    response = app.test_client().get("/bug")
    assert response.status_code == 500
    assert response.json == {
        "error": "Internal Server Error",
        "detail": "The server encountered an internal error and was unable to complete your "
                  "request. Either the server is overloaded or there is an error in the application.",
    }


def test_the_client_ignores_secure_samesite_and_cookie_prefixes():
    # werkzeug/test.py, Cookie._matches_request: a cookie matches on domain and path, nothing else.
    app = Flask("shop")

    @app.get("/set")
    def set_cookies():
        response = Response("set")
        response.set_cookie("__Host-sid", "a", secure=True, samesite="Strict")  # https only
        response.set_cookie("__Host-bad", "b", domain="localhost")  # a browser would refuse this
        return response

    @app.get("/echo")
    def echo():
        return dict(request.cookies)

    client = app.test_client()
    client.get("/set")  # plain http://localhost
    cookie = client.get_cookie("__Host-sid")
    assert (cookie.secure, cookie.same_site) == (True, "Strict")
    # Sent back over plain http, and the one a browser would have refused is stored and sent too.
    # SameSite cannot apply at all: the client has no idea which site a request comes from.
    assert client.get("/echo").json == {"__Host-sid": "a", "__Host-bad": "b"}
