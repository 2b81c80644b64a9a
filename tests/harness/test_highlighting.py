"""The highlighting hook (overrides/highlighting.py): the same HTML, with less set-up per block."""

import sys

import markdown
import pygments.lexers
import pymdownx.highlight
import pytest
from pygments.formatters.html import HtmlFormatter
from pygments.util import ClassNotFound

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "overrides"))
import highlighting

# Every language the guide's pages highlight, a title, highlighted lines, and a language
# Pygments does not know (which pymdownx shows as plain text).
BLOCKS = "\n\n".join([
    '```python title="app.py" hl_lines="2"\nfrom flask import Flask\napp = Flask(__name__)\n```',
    "```http\nGET / HTTP/1.1\nHost: localhost\n```",
    "```html+jinja\n<p>{{ name }}</p>{% if x %}<b>y</b>{% endif %}\n```",
    "```jinja\n{% for x in xs %}{{ x|e }}{% endfor %}\n```",
    "```console\n$ flask --app app run --debug\n```",
    "```text\nplain words\n```",
    "```nginx\nlocation / { proxy_pass http://127.0.0.1:8000; }\n```",
    "```css\nbody { color: red }\n```",
    '```json\n{"a": [1, true, null]}\n```',
    "```ini\n[app]\nkey = value\n```",
    '```toml\n[project]\nname = "app"\n```',
    "```yaml\nkey: [1, 2]\n```",
    "```dockerfile\nFROM python:3.11-slim\n```",
    "```no-such-language\nplain\n```",
    "Inline `#!python url_for('index')` code.",
])
# The theme's setting (classes, the default style), and others that change the style's table.
SETTINGS = [{}, {"pygments_style": "monokai"}, {"pygments_style": "monokai", "noclasses": True},
            {"linenums": True, "css_class": "other"}]


def render(get_lexer, create_stylesheet, settings, monkeypatch):
    monkeypatch.setattr(pymdownx.highlight, "get_lexer_by_name", get_lexer)
    monkeypatch.setattr(HtmlFormatter, "_create_stylesheet", create_stylesheet)
    return markdown.markdown(BLOCKS, extensions=["pymdownx.highlight", "pymdownx.superfences",
                                                 "pymdownx.inlinehilite"],
                             extension_configs={"pymdownx.highlight": settings})


@pytest.mark.parametrize("settings", SETTINGS)
def test_the_pages_html_is_the_same_with_and_without_the_hook(settings, monkeypatch):
    before = render(pygments.lexers.get_lexer_by_name, highlighting._build_tables, settings, monkeypatch)
    after = render(highlighting.get_lexer_by_name, highlighting.create_stylesheet, settings, monkeypatch)
    assert before.count("<span") > 50  # highlighted, so the test compares something
    assert after == before


def test_a_class_prefix_gets_its_own_table():
    plain, prefixed = HtmlFormatter(), HtmlFormatter(classprefix="x-")
    for formatter in (plain, prefixed):
        highlighting.create_stylesheet(formatter)
    assert prefixed.get_style_defs() == HtmlFormatter(classprefix="x-").get_style_defs()
    assert plain.ttype2class is not prefixed.ttype2class


def test_each_block_still_gets_its_own_lexer_and_formatter_options():
    first, second = highlighting.get_lexer_by_name("python"), highlighting.get_lexer_by_name("python",
                                                                                             stripnl=False)
    assert first is not second and (first.stripnl, second.stripnl) == (True, False)
    plain, lined = HtmlFormatter(), HtmlFormatter(hl_lines=[2])
    highlighting.create_stylesheet(plain)
    highlighting.create_stylesheet(lined)
    assert plain.ttype2class is lined.ttype2class  # the style's table, built once
    assert (plain.hl_lines, lined.hl_lines) == (set(), {2})


def test_an_unknown_language_is_refused_as_pygments_refuses_it():
    with pytest.raises(ClassNotFound):
        highlighting.get_lexer_by_name("no-such-language")
