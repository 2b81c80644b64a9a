"""jinja_options count only before app.jinja_env exists; extensions, whitespace and the cache."""

from flask import Flask

from snippets.templates.jinja_environment.app import (
    create_app, options_set_in_time, options_set_too_late, the_template_cache,
    whitespace_with_and_without_trim)


def test_options_set_after_the_environment_exists_are_ignored():
    assert options_set_too_late() == "undefined class: Undefined; printed '[]'"


def test_options_on_a_subclass_are_used():
    assert options_set_in_time() == (
        "undefined class: StrictUndefined; UndefinedError: 'no_such_name' is undefined")


def test_a_filter_decorator_creates_the_environment_too():
    app = Flask(__name__)
    assert "jinja_env" not in app.__dict__
    app.template_filter()(str.upper)
    assert "jinja_env" in app.__dict__            # a cached_property, now filled


def test_extensions_do_and_loopcontrols():
    response = create_app().test_client().get("/basket")
    assert response.text == (
        "<ul>\n    <li>pen</li>\n    <li>ink</li>\n    <li>pad</li>\n</ul>\n<p>3 of 4 shown</p>")


def test_trim_and_lstrip_blocks():
    assert whitespace_with_and_without_trim().splitlines() == [
        "default: '<ul>\\n  \\n  <li>pen</li>\\n  \\n  <li>ink</li>\\n  \\n</ul>'",
        "trim_blocks + lstrip_blocks: '<ul>\\n  <li>pen</li>\\n  <li>ink</li>\\n</ul>'",
    ]


def test_the_cache():
    assert the_template_cache() == (
        "cache: LRUCache, capacity 400; entries before 0, after two renders 1")
    assert Flask.jinja_options == {}
