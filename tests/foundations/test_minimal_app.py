import sys

import pytest
from click.testing import CliRunner
from flask.cli import ScriptInfo, cli

from snippets.foundations.minimal_app import app
from snippets.foundations.missing_import import app as missing_import_app
from snippets.foundations.missing_import import what_client_and_log_see


def test_index():
    response = app.test_client().get("/")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert response.text == "Hello, Flask!"


def test_only_get_is_routed():
    response = app.test_client().post("/")
    assert response.status_code == 405
    assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}


def test_request_without_import_is_a_name_error_and_a_500(monkeypatch):
    # Audit 28: nothing is injected into a view's namespace.
    assert missing_import_app.test_client().get("/search?q=flask").status_code == 500
    monkeypatch.setitem(missing_import_app.config, "PROPAGATE_EXCEPTIONS", True)
    with pytest.raises(NameError, match="name 'request' is not defined"):
        missing_import_app.test_client().get("/search?q=flask")


def test_the_page_shows_the_500_and_the_logged_name_error():
    assert what_client_and_log_see() == (
        "client: 500 INTERNAL SERVER ERROR\n"
        "log:    NameError: name 'request' is not defined"
    )


@pytest.mark.parametrize("filename", ["app.py", "wsgi.py"])
def test_flask_finds_app_py_or_wsgi_py_without_app_option(filename, tmp_path, monkeypatch):
    (tmp_path / filename).write_text(
        "from flask import Flask\napp = Flask(__name__)\napp.add_url_rule('/', 'i', lambda: 'found')\n"
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "path", list(sys.path))  # flask inserts the cwd
    monkeypatch.delitem(sys.modules, filename[:-3], raising=False)
    found = ScriptInfo().load_app()
    monkeypatch.delitem(sys.modules, filename[:-3])
    assert found.test_client().get("/").text == "found"


def test_flask_app_variable_still_works_like_the_app_option(monkeypatch):
    monkeypatch.setattr(sys, "path", list(sys.path))  # flask may insert the cwd
    runner = CliRunner()
    isolated = {"FLASK_APP": None, "FLASK_RUN_FROM_CLI": None}
    by_option = runner.invoke(cli, ["--app", "snippets.foundations.minimal_app", "routes"],
                              env=isolated)
    by_variable = runner.invoke(cli, ["routes"], env={
        **isolated, "FLASK_APP": "snippets.foundations.minimal_app"})
    assert by_option.exit_code == by_variable.exit_code == 0
    assert by_option.output == by_variable.output
    assert "index     GET      /" in by_option.output


def test_wsgi_py_is_tried_before_app_py(tmp_path, monkeypatch):
    for filename in ("app.py", "wsgi.py"):
        (tmp_path / filename).write_text(
            f"from flask import Flask\napp = Flask(__name__)\n"
            f"app.add_url_rule('/', 'i', lambda: 'from {filename}')\n"
        )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "path", list(sys.path))
    for name in ("app", "wsgi"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    found = ScriptInfo().load_app()
    for name in ("app", "wsgi"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    assert found.test_client().get("/").text == "from wsgi.py"
