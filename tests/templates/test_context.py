import pytest
from flask import Flask, render_template_string, session
from jinja2 import DictLoader, Environment

from snippets.templates.injected_context.app import app, what_reaches_jinja


def test_flask_injects_request_g_session_config_url_for_and_flashes():
    text = app.test_client().get("/whoami?user=ada").text
    assert "<h1>Field Shop (cart: 2)</h1>" in text  # context processor
    assert "<dd>GET /whoami?user=ada</dd>" in text  # request
    assert "<dd>ada</dd>" in text  # g, set in before_request
    assert "<dd>pen, lamp</dd>" in text  # session
    assert "<dd>help@example.com, DEBUG=False</dd>" in text  # config
    assert "<dd>/whoami?user=ada#top</dd>" in text  # url_for
    assert "<dd>[&#39;Welcome back!&#39;]</dd>" in text  # get_flashed_messages


def test_globals_are_on_the_environment():
    names = set(app.jinja_env.globals)
    assert {"url_for", "get_flashed_messages", "config", "request", "session", "g"} <= names


def test_view_arguments_beat_context_processors():
    assert app.test_client().get("/override").text == "<p>Passed by the view</p>"


def test_imported_macro_sees_globals_but_not_processor_values_without_context():
    text = app.test_client().get("/footer").text
    assert "<footer>site_name is undefined here · /footer</footer>" in text
    assert "<footer>Field Shop · /footer</footer>" in text


def test_user_input_as_template_source_leaks_config():
    response = app.test_client().get("/greet", query_string={"name": "{{ config.SECRET_KEY }}"})
    assert response.text == "<p>Hello dev-only-not-a-secret</p>"


def test_app_context_only_render_has_config_g_url_for_but_no_request():
    with app.app_context():
        assert render_template_string("{{ config.SUPPORT_EMAIL }}") == "help@example.com"
        with pytest.raises(RuntimeError, match="without 'SERVER_NAME' configured"):
            render_template_string("{{ url_for('whoami') }}")
        assert render_template_string("{{ site_name }}: {{ cart_size }}") == "Field Shop: 0"
        with pytest.raises(RuntimeError, match="Working outside of request context"):
            render_template_string("{{ request.path }}")
        with pytest.raises(RuntimeError, match="Working outside of request context"):
            render_template_string("{{ session.cart }}")


def test_processors_run_on_every_render():
    calls = []
    app.template_context_processors[None].append(lambda: calls.append(1) or {})
    try:
        with app.test_request_context():
            render_template_string("a")
            render_template_string("b")
    finally:
        app.template_context_processors[None].pop()
    assert len(calls) == 2


def test_include_without_context():
    env = Environment(loader=DictLoader({"frag.html": "[{{ who }}]"}))
    assert env.from_string('{% include "frag.html" without context %}').render(who="Ada") == "[]"
    assert env.from_string('{% include "frag.html" %}').render(who="Ada") == "[Ada]"


def test_an_unguarded_processor_breaks_renders_outside_a_request():
    bare = Flask(__name__)
    bare.context_processor(lambda: {"cart": session.get("cart")})
    with bare.app_context(), pytest.raises(RuntimeError, match="outside of request context"):
        render_template_string("hello")


def test_render_context_holds_g_request_and_processors_but_not_the_other_globals():
    # review B: render_template does not add config, session, url_for or get_flashed_messages
    # to the context; they are environment globals, so a template_rendered receiver misses them.
    assert what_reaches_jinja().splitlines() == [
        "render context:      ['cart_size', 'g', 'request', 'site_name', 'title']",
        "environment globals: ['config', 'g', 'get_flashed_messages', 'request', 'session', 'url_for']",
    ]
