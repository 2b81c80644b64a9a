import pytest
from flask import get_template_attribute, render_template_string
from jinja2 import DictLoader, Environment, TemplateAssertionError
from markupsafe import Markup

from snippets.templates.inheritance.app import app

client = app.test_client()


def test_child_fills_blocks_and_super_keeps_the_parent_text():
    html = client.get("/products/lamp").text
    assert "<title>Desk lamp · Field Shop</title>" in html  # super() in title
    assert "<footer>Prices include VAT. Ships in 2 days.</footer>" in html  # super() in footer
    assert html.startswith("<!doctype html>")  # the layout comes from base.html


def test_unfilled_block_keeps_the_parent_default():
    html = client.get("/").text
    assert "<title>Field Shop</title>" in html
    assert "<footer>Prices include VAT.</footer>" in html
    assert "<h1>Catalogue</h1>" in html


def test_include_sees_the_request_and_marks_the_current_page():
    html = client.get("/products/chair").text
    assert '<a href="/products/chair" aria-current="page">Office chair</a>' in html
    assert '<a href="/">Home</a>' in html


def test_macros_imported_both_ways():
    assert "<li>Desk lamp: €39.50</li>" in client.get("/").text  # import ... as ui
    lamp = client.get("/products/lamp").text  # from ... import
    assert '<h1>Desk lamp <span class="badge low">only 3 left</span></h1>' in lamp
    assert "<p>€39.50</p>" in lamp
    chair = client.get("/products/chair").text
    assert '<span class="badge out">sold out</span>' in chair


def test_unknown_product_is_404():
    assert client.get("/products/sofa").status_code == 404


def test_text_after_extends_outside_blocks_is_dropped_but_set_runs():
    source = ('{% extends "base.html" %}LOST{% set who = "Ada" %}'
              "{% block content %}Hi {{ who }}{% endblock %}")
    with app.test_request_context("/"):
        html = render_template_string(source)
    assert "LOST" not in html and "<main>Hi Ada" in html


def test_self_prints_a_block_again_and_duplicates_are_errors():
    with app.test_request_context("/"):
        html = render_template_string(
            '{% extends "base.html" %}{% block content %}[{{ self.footer() }}]{% endblock %}'
        )
        assert "<main>[Prices include VAT.]" in html
        with pytest.raises(TemplateAssertionError, match="defined twice"):
            render_template_string("{% block a %}{% endblock %}{% block a %}{% endblock %}")


def test_super_goes_one_level_up_in_a_chain():
    env = Environment(loader=DictLoader({
        "base.html": "{% block t %}base{% endblock %}",
        "middle.html": '{% extends "base.html" %}{% block t %}middle>{{ super() }}{% endblock %}',
        "page.html": '{% extends "middle.html" %}{% block t %}page>{{ super() }}{% endblock %}',
    }))
    assert env.get_template("page.html").render() == "page>middle>base"


def test_include_shares_the_context_and_import_does_not():
    env = Environment(loader=DictLoader({
        "frag.html": "[{{ who }}]",
        "m.html": "{% macro show() %}[{{ who }}]{% endmacro %}",
    }))
    assert env.from_string('{% set who = "Ada" %}{% include "frag.html" %}').render() == "[Ada]"
    source = '{% import "m.html" as m %}{{ m.show() }}'
    assert env.from_string(source).render(who="Ada") == "[]"


def test_macro_output_is_safe_but_its_arguments_are_escaped():
    with app.app_context():
        price = get_template_attribute("_macros.html", "price")
        badge = get_template_attribute("_macros.html", "stock_badge")
        assert price(2, currency="<b>") == "&lt;b&gt;2.00"
        assert isinstance(badge(0), Markup)
        assert str(badge(0)) == '<span class="badge out">sold out</span>'
