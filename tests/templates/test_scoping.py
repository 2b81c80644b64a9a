"""Jinja scoping: a set in a loop stays in the loop, namespace() escapes it, if opens no scope."""

from flask import render_template_string

from snippets.templates.scoping.app import app


def get(path):
    response = app.test_client().get(path)
    assert response.status_code == 200
    return response.text


def test_set_in_a_loop_is_lost_and_namespace_keeps_it():
    assert get("/counter").split("\n")[1:] == [
        "<p>set in the loop: 0</p>",
        "<p>namespace: 16, of which 2 over 3</p>",
        "<p>set in an if: Mon</p>",
    ]


def test_each_iteration_starts_from_the_outer_value():
    with app.app_context():
        out = render_template_string("{% set x = 5 %}{% for i in [1, 2] %}{{ x }}{% set x = i %}{{ x }};{% endfor %}")
    assert out == "51;52;"


def test_loop_changed_cycle_and_previtem():
    html = get("/table")
    assert [line.strip() for line in html.splitlines() if "<th" in line or "class=" in line] == [
        '<table><tr><th colspan="2">Mon</th></tr>', '<tr class="odd">', '<tr class="even">',
        '</tr><tr><th colspan="2">Tue</th></tr>', '<tr class="odd">',
        '</tr><tr><th colspan="2">Wed</th></tr>', '<tr class="even">']
    assert html.count("&uarr;") == 1 and "<td>7 &uarr;</td>" in html


def test_with_scopes_its_names_to_the_block():
    html = get("/with")
    assert "<p>4 orders, first: pen</p>" in html
    assert html.endswith("<p>after the block: []</p>")
