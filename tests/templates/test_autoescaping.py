import json
from html.parser import HTMLParser

import pytest
from flask import render_template_string

from snippets.templates.autoescaping.app import app, j2_app

client = app.test_client()
SCRIPT = '<script>alert("pwned")</script>'


def test_script_is_escaped_in_html_template():
    response = client.get("/comment.html")
    assert SCRIPT not in response.text
    assert "&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt;Nice post!" in response.text


def test_tojson_is_safe_inside_a_script_tag():
    text = client.get("/comment.html").text
    assert r'const comment = "\u003cscript\u003ealert(\"pwned\")\u003c/script\u003eNice post!";' in text


def test_script_is_not_escaped_in_txt_template():
    response = client.get("/comment.txt")
    assert response.content_type == "text/plain; charset=utf-8"
    assert SCRIPT + "Nice post!" in response.text


def test_render_template_string_is_escaped():
    assert client.get("/inline").text.startswith("<p>&lt;script&gt;")


def test_html_j2_is_not_escaped_and_is_served_as_html():
    response = client.get("/comment-j2")
    assert response.content_type == "text/html; charset=utf-8"
    assert f"<p>{SCRIPT}Nice post!</p>" in response.text


def test_subclass_can_escape_html_j2():
    text = j2_app.test_client().get("/comment-j2").text
    assert SCRIPT not in text and "&lt;script&gt;" in text


@pytest.mark.parametrize(("name", "escaped"), [
    ("page.html", True), ("page.htm", True), ("feed.xml", True), ("page.xhtml", True),
    ("icon.svg", True), ("mail.txt", False), ("page.html.j2", False), ("page.jinja", False),
    ("style.css", False), ("notes.md", False), ("app.js", False), (None, True),  # None: a template from a string
])
def test_which_names_are_autoescaped(name, escaped):
    assert app.select_jinja_autoescape(name) is escaped


def test_markup_and_safe_turn_escaping_off():
    text = client.get("/bio", query_string={"name": "<img src=x onerror=alert(1)>"}).text
    assert "<p>wrong:      <b><img src=x onerror=alert(1)></b></p>" in text
    assert "<p>right:      <b>&lt;img src=x onerror=alert(1)&gt;</b></p>" in text
    assert "<p>also right: <b>&lt;img src=x onerror=alert(1)&gt;</b></p>" in text
    assert "<p>|safe:      <img src=x onerror=alert(1)></p>" in text
    assert "<p>block off:  <img src=x onerror=alert(1)></p>" in text


def test_markup_is_no_longer_importable_from_flask():
    with pytest.raises(ImportError):
        from flask import Markup  # noqa: F401  (removed in 3.0.0; use markupsafe)


def test_tojson_escapes_the_characters_that_could_close_a_script():
    with app.app_context():
        assert render_template_string("{{ s|tojson }}", s="<>&'") == r'"\u003c\u003e\u0026\u0027"'


def test_escaping_does_not_make_a_url_safe():
    with app.app_context():
        html = render_template_string('<a href="{{ url }}">x</a>', url="javascript:alert(1)")
    assert html == '<a href="javascript:alert(1)">x</a>'


HOSTILE_NAME = 'x" onmouseover=alert(document.domain) x="'


class _Attributes(HTMLParser):
    """The attributes of each element with an id, as an HTML tokenizer splits them."""

    def __init__(self, html):
        super().__init__()
        self.by_id = {}
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.by_id[attributes.get("id")] = attributes


def test_tojson_in_a_double_quoted_attribute_lets_the_data_add_attributes():
    # review B: tojson does not escape '"', so "including inside HTML attributes" was unsafe.
    html = client.get("/profile", query_string={"name": HOSTILE_NAME}).text
    double = _Attributes(html).by_id["double"]
    assert double["data-user"] == "{"                        # the JSON's first quote ended it
    assert double["onmouseover"] == "alert(document.domain)"  # the attacker's attribute


def test_tojson_in_a_double_quoted_attribute_breaks_even_harmless_data():
    html = client.get("/profile", query_string={"name": "Ada"}).text
    assert _Attributes(html).by_id["double"]["data-user"] == "{"


@pytest.mark.parametrize("name", ["Ada", HOSTILE_NAME, "it's <b>&amp;</b>"])
@pytest.mark.parametrize("element", ["single", "forced"])
def test_tojson_is_safe_in_single_quotes_or_with_forceescape(element, name):
    html = client.get("/profile", query_string={"name": name}).text
    attributes = _Attributes(html).by_id[element]
    assert set(attributes) == {"id", "data-user"}
    assert json.loads(attributes["data-user"]) == {"name": name}
