"""Imports and attributes that Flask, Werkzeug and Jinja removed: each function runs the old
line and returns the last line of the traceback it gives today, the path cut to the package
(the path to site-packages differs from machine to machine)."""

import re
import warnings

import flask

# --8<-- [start:replacements]
import hmac
from importlib.metadata import version
from urllib.parse import quote

from flask import Flask, current_app, g, json
from jinja2 import pass_context
from markupsafe import Markup, escape
from werkzeug.utils import cached_property


class Config:
    @cached_property  # werkzeug.utils, or functools.cached_property
    def greeting(self):
        return Markup("<b>{}</b>").format(escape("<hi>"))


@pass_context  # was @contextfunction
def page_title(context):
    return context.get("title", "untitled")


def create_app():
    app = Flask(__name__)

    class Provider(json.provider.DefaultJSONProvider):  # not JSONEncoder
        sort_keys = False

    app.json = Provider(app)
    app.jinja_env.globals["page_title"] = page_title
    with app.app_context():  # what before_first_request did, once, at startup
        g.ready = True  # g replaces _app_ctx_stack.top for per-context state
        app.config["STARTED_BY"] = current_app.name
    return app


def replacements():
    app = create_app()
    title = app.jinja_env.from_string("{{ page_title() }}")
    return "\n".join([
        f"escape, Markup -> {Config().greeting}",
        f"url_quote      -> {quote('a b/c', safe='')}",
        f"safe_str_cmp   -> {hmac.compare_digest('token', 'token')}",
        f"pass_context   -> {title.render(title='Home')}",
        f"JSON provider  -> {app.json.dumps({'b': 1, 'a': 2})}",
        f"app.debug      -> {app.debug}",
        f"version        -> {version('flask')}",
    ])
# --8<-- [end:replacements]



def last_line(error):
    """'ImportError: cannot import name ...' as the traceback ends, without the install path."""
    text = re.sub(r"\(/\S*/site-packages/", "(.../site-packages/", str(error))
    return f"{type(error).__name__}: {text}"


def escape_from_flask():
    try:
        # --8<-- [start:escape_from_flask]
        from flask import escape  # noqa: F401  (deprecated in 2.3, gone in 3.0)
        # --8<-- [end:escape_from_flask]
    except ImportError as error:
        return last_line(error)


def markup_from_jinja2():
    try:
        # --8<-- [start:markup_from_jinja2]
        from jinja2 import Markup  # noqa: F401  (removed in Jinja 3.1)
        # --8<-- [end:markup_from_jinja2]
    except ImportError as error:
        return last_line(error)


def contextfunction_from_jinja2():
    try:
        # --8<-- [start:contextfunction_from_jinja2]
        from jinja2 import contextfunction  # noqa: F401  (removed in Jinja 3.1)
        # --8<-- [end:contextfunction_from_jinja2]
    except ImportError as error:
        return last_line(error)


def url_quote_from_werkzeug():
    try:
        # --8<-- [start:url_quote_from_werkzeug]
        from werkzeug.urls import url_quote  # noqa: F401  (removed in Werkzeug 3.0)
        # --8<-- [end:url_quote_from_werkzeug]
    except ImportError as error:
        return last_line(error)


def safe_str_cmp_from_werkzeug():
    try:
        # --8<-- [start:safe_str_cmp_from_werkzeug]
        from werkzeug.security import safe_str_cmp  # noqa: F401  (gone in 2.1)
        # --8<-- [end:safe_str_cmp_from_werkzeug]
    except ImportError as error:
        return last_line(error)


def cached_property_from_werkzeug():
    try:
        # --8<-- [start:cached_property_from_werkzeug]
        from werkzeug import cached_property  # noqa: F401  (top level: gone in 1.0)
        # --8<-- [end:cached_property_from_werkzeug]
    except ImportError as error:
        return last_line(error)


def json_encoder_from_flask():
    try:
        # --8<-- [start:json_encoder_from_flask]
        from flask.json import JSONEncoder  # noqa: F401  (removed in Flask 2.3)
        # --8<-- [end:json_encoder_from_flask]
    except ImportError as error:
        return last_line(error)


def app_ctx_stack_from_flask():
    try:
        # --8<-- [start:app_ctx_stack_from_flask]
        from flask import _app_ctx_stack  # noqa: F401  (removed in Flask 3.0)
        # --8<-- [end:app_ctx_stack_from_flask]
    except ImportError as error:
        return last_line(error)


def before_first_request():
    app = flask.Flask(__name__)
    try:
        # --8<-- [start:before_first_request]
        @app.before_first_request  # removed in Flask 2.3
        def create_tables():
            ...
        # --8<-- [end:before_first_request]
    except AttributeError as error:
        return last_line(error)


def app_env():
    app = flask.Flask(__name__)
    try:
        # --8<-- [start:app_env]
        app.config["TEMPLATES_AUTO_RELOAD"] = app.env == "development"
        # --8<-- [end:app_env]
    except AttributeError as error:
        return last_line(error)


def send_file_attachment_filename():
    app = flask.Flask(__name__)
    with app.test_request_context():
        try:
            # --8<-- [start:send_file_attachment_filename]
            flask.send_file(__file__, attachment_filename="report.py")
            # --8<-- [end:send_file_attachment_filename]
        except TypeError as error:
            return last_line(error)


def flask_version_warning():
    """The warning `python -W error` or pytest's warning summary shows."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        # --8<-- [start:flask_version_warning]
        flask_version = flask.__version__  # deprecated in 3.0, removed in 3.2
        # --8<-- [end:flask_version_warning]
    [warning] = caught
    return f"{warning.category.__name__}: {warning.message}\n(the value: {flask_version})"
