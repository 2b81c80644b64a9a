"""Pygments' set-up for a code block, done once per language and style instead of once per block.

pymdownx.highlight asks Pygments for a new lexer and a new HTML formatter for each of the
guide's ~1,850 code blocks. Two steps of that depend only on the language or the style, yet
took a quarter of the highlighting time: finding the lexer's class by its alias (a scan of
every lexer Pygments knows) and building the formatter's token-to-class table from the style.
This hook keeps both for the life of the process. Each block still gets its own lexer and
formatter, with its own options; the built site is the same, byte for byte (`diff -r` of two
builds), and tests/harness/test_highlighting.py compares each kind of block this guide has.
"""

import functools

import pymdownx.highlight
from pygments.formatters.html import HtmlFormatter
from pygments.lexers import find_lexer_class_by_name

_build_tables = HtmlFormatter._create_stylesheet
_tables = {}  # (formatter class, style, class prefix) -> (ttype2class, class2style), only read


@functools.cache
def lexer_class(alias):
    return find_lexer_class_by_name(alias)  # raises ClassNotFound, which pymdownx handles


def get_lexer_by_name(alias, **options):
    return lexer_class(alias)(**options)


def create_stylesheet(formatter):
    key = (type(formatter), formatter.style, formatter.classprefix)
    if key not in _tables:
        _build_tables(formatter)
        _tables[key] = formatter.ttype2class, formatter.class2style
    formatter.ttype2class, formatter.class2style = _tables[key]


def on_config(config):
    pymdownx.highlight.get_lexer_by_name = get_lexer_by_name
    HtmlFormatter._create_stylesheet = create_stylesheet
