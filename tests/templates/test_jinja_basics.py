import pytest
from flask import Flask, render_template
from jinja2 import TemplateNotFound

from snippets.templates.rendering.app import (
    app, undefined_is_silent, what_render_template_returns,
)

client = app.test_client()


def test_render_template_fills_variables_and_loops():
    response = client.get("/orders/ada")
    assert response.status_code == 200
    assert response.content_type == "text/html; charset=utf-8"
    assert "<h1>Orders for Ada</h1>" in response.text
    assert "<li>1. notebook × 3</li>" in response.text
    assert "<li>2. pen</li>" in response.text  # qty 1: the if branch is skipped
    assert "<p>2 orders</p>" in response.text
    assert "{#" not in response.text  # comments never reach the output


def test_for_else_runs_when_the_sequence_is_empty():
    response = client.get("/orders/bob")
    assert "<li>No orders yet.</li>" in response.text
    assert "<p>0 orders</p>" in response.text


def test_render_template_string_escapes_like_html():
    response = client.get("/hello/<em>Ada")
    assert response.text == "<p>Hello, &lt;em&gt;Ada!</p>"


def test_a_list_of_names_renders_the_first_that_exists():
    assert "reports/sales.html" in client.get("/reports/sales").text
    assert "reports/default.html" in client.get("/reports/refunds").text


def test_a_missing_template_raises_template_not_found():
    with app.test_request_context(), pytest.raises(TemplateNotFound):
        render_template("nope.html")


def test_render_template_returns_a_str_and_needs_an_app_context():
    out = what_render_template_returns()
    assert "no context: RuntimeError: Working outside of application context." in out
    assert "in an app context: str '2'" in out


def test_undefined_variables_render_empty_unless_strict():
    out = undefined_is_silent()
    assert "default:   'Hello, !'" in out
    assert "strict:    UndefinedError: 'custmer' is undefined" in out


def test_templates_are_found_next_to_the_module():
    assert app.jinja_loader.searchpath == [str(app.root_path) + "/templates"]
    assert app.template_folder == "templates"


def test_templates_reload_only_in_debug_by_default():
    assert app.config["TEMPLATES_AUTO_RELOAD"] is None
    assert app.debug is False and app.jinja_env.auto_reload is False
    debug_app = Flask(__name__)
    debug_app.debug = True
    assert debug_app.jinja_env.auto_reload is True


def test_no_trim_blocks_by_default():
    assert app.jinja_env.trim_blocks is False and app.jinja_env.lstrip_blocks is False


def test_a_missing_template_is_a_500():
    demo = Flask(__name__)
    demo.add_url_rule("/", "index", lambda: render_template("nope.html"))
    assert demo.test_client().get("/").status_code == 500
