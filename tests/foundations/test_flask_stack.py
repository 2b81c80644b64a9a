import base64
import os
from importlib.metadata import requires

import blinker
import click
import itsdangerous
import jinja2
import werkzeug
from flask import Flask, Request, session, signals

from snippets.foundations import flask_stack


def test_flask_requires_its_five_libraries_plus_markupsafe():
    always = {r.split(">=")[0] for r in requires("flask") if ";" not in r}
    assert always == {"blinker", "click", "itsdangerous", "jinja2", "markupsafe", "werkzeug"}


def test_asgiref_comes_only_with_the_async_extra():
    assert 'asgiref>=3.2 ; extra == "async"' in requires("flask")


def test_requirements_listing():
    listing = flask_stack.flask_requirements().splitlines()
    assert listing[0].startswith("blinker>=1.9.0") and "always" in listing[0]
    assert any(line.startswith("asgiref>=3.2") and "flask[async]" in line for line in listing)
    assert not any("importlib-metadata" in line for line in listing)
    assert any(line.startswith("python-dotenv") and "not installed" in line for line in listing)


def test_each_part_of_flask_is_one_of_the_libraries():
    app = Flask(__name__)
    app.secret_key = "test"
    assert issubclass(Request, werkzeug.wrappers.Request)
    assert isinstance(app.url_map, werkzeug.routing.Map)
    assert isinstance(app.jinja_env, jinja2.Environment)
    assert isinstance(app.cli, click.Group)
    assert isinstance(signals.request_started, blinker.NamedSignal)
    signer = app.session_interface.get_signing_serializer(app)
    assert isinstance(signer, itsdangerous.URLSafeTimedSerializer)


def test_who_does_what_table():
    table = flask_stack.who_does_what()
    assert "flask.Request                   <- werkzeug.wrappers.request.Request" in table
    assert "<- jinja2.environment.Environment" in table
    assert "<- click.core.Group" in table
    assert "<- blinker.base.NamedSignal" in table
    assert "<- itsdangerous.url_safe.URLSafeTimedSerializer" in table
    assert "nothing from" not in table


def test_base_from_says_when_a_library_is_not_involved():
    assert flask_stack._base_from(object(), "jinja2") == "nothing from jinja2"


def test_flask_version_names_flask_and_werkzeug(monkeypatch):
    monkeypatch.delenv("FLASK_RUN_FROM_CLI", raising=False)
    output = flask_stack.flask_version()
    assert "Flask 3.1.3" in output and "Werkzeug " in output
    assert "FLASK_RUN_FROM_CLI" not in os.environ


def _app_with_session(secret_key):
    app = Flask(__name__)
    app.secret_key = secret_key

    @app.get("/login")
    def login():
        session["user_id"] = 42
        return "ok"

    @app.get("/me")
    def me():
        return {"user_id": session.get("user_id")}

    return app


def test_the_session_cookie_is_signed_not_encrypted():
    client = _app_with_session("key-1").test_client()
    client.get("/login")
    payload = client.get_cookie("session").value.split(".")[0]
    assert base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)) == b'{"user_id":42}'


def test_a_new_secret_key_empties_old_sessions_without_an_error():
    old = _app_with_session("key-1").test_client()
    old.get("/login")
    cookie = old.get_cookie("session").value
    new = _app_with_session("key-2")
    client = new.test_client()
    client.set_cookie("session", cookie)
    assert client.get("/me").get_json() == {"user_id": None}
    new.config["SECRET_KEY_FALLBACKS"] = ["key-1"]  # added in Flask 3.1.0
    assert client.get("/me").get_json() == {"user_id": 42}
