import pytest
from flask import Blueprint, Flask, render_template_string
from jinja2 import TemplateAssertionError, TemplateRuntimeError

from snippets.templates.custom_filters.app import (
    app, decorator_without_parentheses, seed_template_without_the_filter,
)


def test_custom_filter_test_and_global_render():
    response = app.test_client().get("/events")
    assert response.status_code == 200
    text = response.text
    assert "<li>Jinja Workshop: Wed 11 Mar 2026, 09:00 · untagged</li>" in text
    assert "<li>Flask Meetup: Sat 14 Mar 2026, 18:30 (weekend) · python, web</li>" in text
    assert text.index("Jinja Workshop") < text.index("Flask Meetup")  # |sort(attribute=...)
    assert "<p>All tags: PYTHON, WEB</p>" in text
    assert "<p>Questions? events@example.com</p>" in text


def test_datetimeformat_is_not_built_in():
    assert "datetimeformat" not in Flask(__name__).jinja_env.filters
    with Flask(__name__).app_context(), pytest.raises(
        TemplateAssertionError, match="No filter named 'datetimeformat'"
    ):
        render_template_string("{{ date|datetimeformat }}", date=None)
    assert seed_template_without_the_filter() == (
        "jinja2.exceptions.TemplateAssertionError: No filter named 'datetimeformat'."
    )


def test_registered_names():
    env = app.jinja_env
    assert env.filters["datetimeformat"].__name__ == "datetimeformat"
    assert env.tests["weekend"].__name__ == "is_weekend"
    assert env.globals["support_email"]() == "events@example.com"


def test_decorator_without_parentheses_registers_nothing_in_3_1():
    assert decorator_without_parentheses() == (
        "registered: False; shout is now App.template_filter.<locals>.decorator"
    )


def test_inside_an_if_an_unknown_filter_fails_only_when_the_branch_runs():
    source = "{% if show %}{{ d|datetimeformat }}{% endif %}"
    with Flask(__name__).app_context():
        assert render_template_string(source, show=False) == ""
        with pytest.raises(TemplateRuntimeError, match="No filter named 'datetimeformat' found."):
            render_template_string(source, show=True, d=None)


def test_builtin_filters_and_tests():
    env = Flask(__name__).jinja_env
    assert 50 <= len(env.filters) <= 60
    named = {"default", "length", "join", "title", "upper", "lower", "trim", "truncate", "round",
             "format", "sort", "map", "selectattr", "unique", "sum", "first", "last", "tojson",
             "safe", "striptags"}
    assert named <= set(env.filters)
    assert {"defined", "none", "even", "odd", "divisibleby", "in", "sameas"} <= set(env.tests)
    with Flask(__name__).app_context():
        assert render_template_string("{{ ''|default('x', true) }}{{ ''|default('y') }}") == "x"


def test_blueprint_app_template_filter_applies_to_every_template():
    demo, bp = Flask(__name__), Blueprint("bp", __name__)

    @bp.app_template_filter("shout")
    def shout(value):
        return value.upper()

    assert "shout" not in demo.jinja_env.filters
    demo.register_blueprint(bp)
    assert demo.jinja_env.filters["shout"] is shout
    with demo.app_context():
        assert render_template_string("{{ 'hi'|shout }}") == "HI"


def test_registering_after_the_first_request_is_an_error():
    demo = Flask(__name__)
    demo.test_client().get("/")
    with pytest.raises(AssertionError, match="has already handled its first request"):
        demo.template_filter("late")(str.upper)
