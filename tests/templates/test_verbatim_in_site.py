"""The built pages show the chapter's Jinja templates exactly as the files hold them.

mkdocs-macros renders every page as a Jinja template at build time. If it ever touched the
templates this chapter shows, `{% for %}` blocks and `{# #}` comments would vanish silently.
These checks read what a reader's browser gets: the text of each code block, tags stripped.
"""

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "templates"
TEMPLATE_INCLUDE = re.compile(r'--8<--\s+"(templates/[^":]+\.(?:html|txt|j2))"')


class CodeBlocks(HTMLParser):
    """Collects the text of every <pre><code> block, as a browser would display it."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.blocks, self._depth, self._text = [], 0, []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "code" and self._in_pre:
            self._depth += 1
        if tag == "pre":
            self._in_pre = True

    def handle_endtag(self, tag):
        if tag == "code" and self._depth:
            self._depth -= 1
            self.blocks.append("".join(self._text))
            self._text = []
        if tag == "pre":
            self._in_pre = False

    def handle_data(self, data):
        if self._depth:
            self._text.append(data)

    _in_pre = False


def built(site, page):
    folder = site / "templates" if page.stem == "index" else site / "templates" / page.stem
    return (folder / "index.html").read_text(encoding="utf-8")


def included_templates():
    for page in sorted(DOCS.glob("*.md")):
        for name in TEMPLATE_INCLUDE.findall(page.read_text(encoding="utf-8")):
            yield pytest.param(page, name, id=f"{page.stem}:{name}")


@pytest.mark.parametrize(("page", "name"), list(included_templates()))
def test_each_template_is_shown_verbatim(site, page, name):
    source = (ROOT / "snippets" / name).read_text(encoding="utf-8").strip("\n")
    blocks = [block.strip("\n") for block in CodeBlocks(built(site, page)).blocks]
    assert source in blocks


def test_the_chapter_shows_templates():
    assert len(list(included_templates())) >= 15


@pytest.mark.parametrize("fragment", ["{% for", "{% block", "{{ ", "{# ", "{% extends", "{%- "])
def test_jinja_delimiters_reach_the_reader(site, fragment):
    text = "".join(
        unescape(re.sub(r"<[^>]+>", "", built(site, page))) for page in DOCS.glob("*.md")
    )
    assert fragment in text


def test_macros_on_a_page_leave_inline_jinja_alone(site):
    # Inline code in the prose, not included from a file: written straight into the Markdown.
    page = DOCS / "inheritance.md"
    assert '`{% extends "base.html" %}`' in page.read_text(encoding="utf-8")
    text = unescape(re.sub(r"<[^>]+>", "", built(site, page)))
    assert '{% extends "base.html" %}' in text and "{{ super() }}" in text
