"""The glossary (docs/glossary.yml) on the built site.

Every term is defined once, points to a page that exists, and is used somewhere: on at least
one built page other than the glossary itself, a reader hovers over it and sees its definition.
A term no page uses is a definition nobody reads; rename it to the words the pages write.
"""

from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from mkdocs.utils.meta import get_data

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
TERMS = yaml.safe_load((DOCS / "glossary.yml").read_text(encoding="utf-8"))["terms"]
GLOSSARY_PAGE = Path("glossary") / "index.html"


def built_page(site, source):
    """The built HTML of docs/<source>: a.md is a/index.html, a/index.md is a/index.html."""
    folder = Path(source).parent if source.endswith("index.md") else Path(source).with_suffix("")
    return site / folder / "index.html"


def term_id(term):
    return term["term"]


def definition(term):
    """The tooltip text: the definition on one line, as the abbr extension receives it."""
    return " ".join(term["means"].split())


class Abbreviations(HTMLParser):
    """The (text, title) of every <abbr> on a page, and every id it defines."""

    def __init__(self, html):
        super().__init__()
        self.found, self.ids, self._open = set(), set(), []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "abbr":
            self._open.append([attrs.get("title") or "", ""])

    def handle_data(self, data):
        for abbr in self._open:
            abbr[1] += data

    def handle_endtag(self, tag):
        if tag == "abbr" and self._open:
            title, text = self._open.pop()
            self.found.add((" ".join(text.split()), title))


@pytest.fixture(scope="module")
def used(site):
    """(term, definition) pairs shown as <abbr> on the built pages, the glossary page aside."""
    pairs = set()
    for page in site.rglob("*.html"):
        if page.relative_to(site) != GLOSSARY_PAGE:
            pairs |= Abbreviations(page.read_text(encoding="utf-8")).found
    return pairs


def test_no_term_is_listed_twice():
    seen, twice = set(), []
    for term in TERMS:
        key = " ".join(term["term"].split()).lower()
        if key in seen:
            twice.append(term["term"])
        seen.add(key)
    assert twice == [], "one entry per term: merge the definitions"


@pytest.mark.parametrize("term", TERMS, ids=term_id)
def test_a_term_has_a_plain_one_line_definition(term):
    assert set(term) == {"term", "means", "taught"}
    assert definition(term), "give the term a definition"
    assert not any(mark in term["means"] for mark in ("`", "](", "**")), (
        "a tooltip shows plain text: write the definition without Markdown")


@pytest.mark.parametrize("term", TERMS, ids=term_id)
def test_the_page_that_teaches_a_term_exists(term, site):
    path, _, anchor = term["taught"].partition("#")
    assert (DOCS / path).is_file(), f"docs/{path} does not exist"
    if anchor:
        assert anchor in Abbreviations(built_page(site, path).read_text(encoding="utf-8")).ids, (
            f"docs/{path} has no section #{anchor}")


@pytest.mark.parametrize("term", TERMS, ids=term_id)
def test_a_term_is_used_with_its_definition_on_some_page(term, used):
    assert (term["term"], definition(term)) in used, (
        f"no page but the glossary uses {term['term']!r} in its prose (terms match as written:"
        " case and whole words, never inside code); use it on a page or remove the entry")


def pages_without_tooltips():
    """The pages whose front matter says `tooltips: false`, read by MkDocs' own reader (the hook's)."""
    return sorted(page.relative_to(DOCS).as_posix() for page in DOCS.rglob("*.md")
                  if get_data(page.read_text(encoding="utf-8"))[1].get("tooltips") is False)


def test_the_glossary_and_the_decks_say_they_carry_no_tooltips():
    assert pages_without_tooltips() == ["glossary.md", "questions/quiz.md", "questions/study.md"]


@pytest.mark.parametrize("source", pages_without_tooltips())
def test_a_page_without_tooltips_has_no_abbr(source, site):
    text = built_page(site, source).read_text(encoding="utf-8")
    assert "<abbr" not in text, f"{source} says tooltips: false, yet its page has an <abbr>"
    assert "</p>" in text  # the page itself, not an empty shell
