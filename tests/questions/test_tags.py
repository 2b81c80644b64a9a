"""The tag vocabulary of the whole guide, and the tags index on docs/questions/tags.md.

Material's search gives a page's tags a boost of 1,000,000 per matching word, so a tag makes a
page the first result for that word. The rules, checked on the front matter of every page:

- the vocabulary is the `tags_allowed` list of the tags plugin in mkdocs.yml, so an unknown tag
  fails the build; every entry is lowercase and used (no dead or near-duplicate forms);
- every page carries its chapter's tag first, then one to three topic tags;
- a topic tag sits on the page that is canonical for it, so it is on at most two pages, and the
  question pages carry chapter tags only (they must not outrank the chapter for a topic word);
- the tags page renders every tag in use, each listing the pages that carry it.
"""

import re
from collections import defaultdict
from pathlib import Path

from urllib.parse import urljoin, urlsplit

from mkdocs.utils.meta import get_data
from mkdocs.utils.yaml import yaml_load
from pymdownx.slugs import slugify

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
CHAPTERS = ["foundations", "routing", "requests", "templates", "contexts", "lifecycle",
            "structure", "extensions", "security", "testing", "deployment", "scaling"]
CHAPTER_TAG = {**{chapter: chapter for chapter in CHAPTERS}, "questions": "interview",
               "troubleshooting": "troubleshooting"}
# A troubleshooting page is found by the messages it explains (overrides/troubleshooting_search.py),
# not by a topic: a topic tag there would pull that topic's searches away from the page teaching it.
BY_SYMPTOM = "troubleshooting"
# Tags that name a kind of page rather than a topic: every chapter has one of each.
PAGE_KINDS = {"overview", "self-check"}
UNTAGGED = {"index.md", "questions/tags.md", "glossary.md"}  # home, the tags index, the glossary


def allowed():
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        config = yaml_load(f)
    tags = [p for p in config["plugins"] if isinstance(p, dict) and "tags" in p]
    return tags[0]["tags"]["tags_allowed"]


def tags_of(path):
    """The `tags:` list of a page's front matter, read line by line."""
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[0] == "---", f"{path}: no front matter"
    front = lines[1:lines.index("---", 1)]
    if "tags:" not in front:
        return []
    items = front[front.index("tags:") + 1:]
    return [line[4:] for line in items[:next((i for i, line in enumerate(items) if not line.startswith("  - ")), len(items))]]


def pages():
    found = {p.relative_to(DOCS).as_posix(): p for p in DOCS.rglob("*.md")}
    return {name: tags_of(path) for name, path in sorted(found.items()) if name not in UNTAGGED}


def test_the_vocabulary_is_lowercase_unique_and_all_used():
    vocabulary = allowed()
    assert len(vocabulary) == len(set(vocabulary))
    assert [t for t in vocabulary if t != t.lower() or t != t.strip()] == []
    assert vocabulary == sorted(vocabulary), "keep tags_allowed sorted"
    used = {tag for tags in pages().values() for tag in tags}
    assert sorted(set(vocabulary) - used) == [], "entries no page uses"
    assert sorted(used - set(vocabulary)) == [], "tags missing from tags_allowed"
    # one form per concept: no tag is another's plural or differs only by separators
    forms = defaultdict(list)
    for tag in vocabulary:
        forms[re.sub(r"[\s_\-.]", "", tag).removesuffix("s")].append(tag)
    assert [group for group in forms.values() if len(group) > 1] == []


def test_every_page_has_its_chapter_tag_and_one_to_three_topics():
    for name, tags in pages().items():
        chapter = CHAPTER_TAG[name.split("/")[0]]
        assert tags[:1] == [chapter], f"{name}: first tag must be {chapter!r}, got {tags}"
        if name.startswith(f"{BY_SYMPTOM}/"):
            assert set(tags[1:]) <= PAGE_KINDS, f"{name}: no topic tags on a page found by its symptoms"
        else:
            assert 1 <= len(tags) - 1 <= 3, f"{name}: {len(tags) - 1} topic tags"
        assert len(set(tags)) == len(tags), name


def test_topic_tags_sit_on_their_canonical_pages_only():
    where = defaultdict(list)
    for name, tags in pages().items():
        for tag in tags[1:]:
            where[tag].append(name)
    for tag, names in where.items():
        if tag in PAGE_KINDS:
            continue
        if tag in CHAPTER_TAG.values():
            assert all(n.startswith("questions/") for n in names), f"{tag}: {names}"
        else:
            assert len(names) <= 2, f"{tag!r} is on {names}; keep it on the canonical page"
    for name, tags in pages().items():
        if name.startswith("questions/"):
            assert set(tags[1:]) <= set(CHAPTER_TAG.values()) | PAGE_KINDS | {"3.2", "wrong answers"}, name


def test_the_tags_page_renders_every_tag_with_its_pages(site):
    index = (site / "questions" / "tags" / "index.html").read_text(encoding="utf-8")
    slug = slugify(case="lower")
    sections = {
        tag: {urljoin("http://site/questions/tags/", href)
              for href in re.findall(r'<a href="([^"]+)">', body)}
        for tag, body in re.findall(r'<dt id="tag:([^"]+)">(.*?)</dl>', index, re.S)}
    expected, unparsed = defaultdict(set), []
    for name, tags in pages().items():
        if not get_data((DOCS / name).read_text(encoding="utf-8"))[1]:
            unparsed.append(name)  # MkDocs drops front matter that is not valid YAML
            continue
        url = "http://site/" + re.sub(r"(index)?\.md$", "", name)
        url = url if url.endswith("/") else url + "/"
        page = site / urlsplit(url).path.lstrip("/") / "index.html"
        shown = re.findall(r'class="md-tag"[^>]*>([^<]+)</a>', page.read_text(encoding="utf-8"))
        assert sorted(shown) == sorted(tags), name
        for tag in tags:
            expected[slug(tag, "-")].add(url)
    assert len(unparsed) < len(pages()) // 4, unparsed
    assert set(sections) == set(expected)
    for tag, urls in expected.items():
        assert sections[tag] == urls, tag
