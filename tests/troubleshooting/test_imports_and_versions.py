"""The removed names give today exactly the error the page shows, and the replacements work."""

import warnings

import flask
import pytest

from snippets.troubleshooting import imports_and_versions as page

SITE = "(.../site-packages/"


def test_escape_is_gone_from_flask():
    assert page.escape_from_flask() == (
        f"ImportError: cannot import name 'escape' from 'flask' {SITE}flask/__init__.py)")


def test_markup_is_gone_from_jinja2():
    assert page.markup_from_jinja2() == (
        f"ImportError: cannot import name 'Markup' from 'jinja2' {SITE}jinja2/__init__.py)")


def test_contextfunction_is_gone_from_jinja2():
    assert page.contextfunction_from_jinja2().startswith(
        "ImportError: cannot import name 'contextfunction' from 'jinja2' ")


def test_url_quote_is_gone_from_werkzeug():
    assert page.url_quote_from_werkzeug() == (
        f"ImportError: cannot import name 'url_quote' from 'werkzeug.urls' {SITE}werkzeug/urls.py)")


def test_safe_str_cmp_is_gone_from_werkzeug():
    assert page.safe_str_cmp_from_werkzeug().startswith(
        "ImportError: cannot import name 'safe_str_cmp' from 'werkzeug.security' ")


def test_cached_property_is_gone_from_werkzeug_top_level():
    assert page.cached_property_from_werkzeug().startswith(
        "ImportError: cannot import name 'cached_property' from 'werkzeug' ")


def test_json_encoder_is_gone_from_flask_json():
    assert page.json_encoder_from_flask().startswith(
        "ImportError: cannot import name 'JSONEncoder' from 'flask.json' ")


def test_app_ctx_stack_is_gone_from_flask():
    assert page.app_ctx_stack_from_flask().startswith(
        "ImportError: cannot import name '_app_ctx_stack' from 'flask' ")
    assert not hasattr(flask, "_request_ctx_stack")


def test_before_first_request_is_gone():
    assert page.before_first_request() == (
        "AttributeError: 'Flask' object has no attribute 'before_first_request'")


def test_app_env_is_gone_and_flask_env_does_not_debug(monkeypatch):
    assert page.app_env() == "AttributeError: 'Flask' object has no attribute 'env'"
    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    monkeypatch.setenv("FLASK_ENV", "development")
    app = flask.Flask(__name__)
    assert app.debug is False and "ENV" not in app.config
    monkeypatch.setenv("FLASK_DEBUG", "1")
    assert flask.Flask(__name__).debug is True


def test_send_file_takes_download_name():
    assert page.send_file_attachment_filename() == (
        "TypeError: send_file() got an unexpected keyword argument 'attachment_filename'")
    app = flask.Flask(__name__)
    with app.test_request_context():
        response = flask.send_file(page.__file__, download_name="report.py", as_attachment=True)
        response.close()
    assert response.headers["Content-Disposition"] == "attachment; filename=report.py"


def test_flask_version_warns():
    shown = page.flask_version_warning()
    assert shown.startswith("DeprecationWarning: The '__version__' attribute is deprecated and "
                            "will be removed in Flask 3.2. Use feature detection or "
                            "'importlib.metadata.version(\"flask\")' instead.")
    with pytest.warns(DeprecationWarning):
        assert flask.__version__ == "3.1.3"


def test_the_replacements_work():
    assert page.replacements().split("\n") == [
        "escape, Markup -> <b>&lt;hi&gt;</b>",
        "url_quote      -> a%20b%2Fc",
        "safe_str_cmp   -> True",
        "pass_context   -> Home",
        'JSON provider  -> {"b": 1, "a": 2}',
        "app.debug      -> False",
        "version        -> 3.1.3",
    ]
    app = page.create_app()
    assert app.config["STARTED_BY"] == page.__name__


def test_no_warning_from_the_replacements():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        page.replacements()
