"""The question bank (docs/questions/bank.yml) against the seed audit and the built site.

Part 2 of the seed audit lists 67 distinct interview questions by topic; the seed files ask
them in more than a hundred raw forms. Every one must have an entry, every entry must be on
its page with its anchor, and every link the questions chapter renders must reach an
existing page and anchor. Questions that experienced interviews ask beyond the audit are
entries too: they carry `part2: null` and no `seeds`, and say on which page they are taught.
"""

import functools
import html
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[2]
BANK = yaml.safe_load((ROOT / "docs" / "questions" / "bank.yml").read_text(encoding="utf-8"))
QUESTIONS = BANK["questions"]
AUDITED = [q for q in QUESTIONS if q.get("part2")]  # the seed audit's questions; the rest go deeper

# Part 2 of the audit: topic -> number of distinct questions (6+7+3+3+6+6+2+16+1+1+1+2+2+6+5).
PART2 = {"routing": 6, "requests": 7, "templates": 3, "contexts": 3, "lifecycle": 6,
         "structure": 6, "configuration": 2, "extensions": 16, "security": 1, "testing": 1,
         "cli": 1, "async": 2, "deployment": 2, "scaling": 6, "general": 5}
# Raw questions per seed file: 000 asks none (its overview is counted once), 001 has 33
# numbered questions and 4 FAQ answers, 002 six questions and two headed notes, 003 21
# questions, 004 50 answers that each imply a question.
SEED_COUNTS = {"000": 1, "001": 37, "002": 8, "003": 21, "004": 50}


def page_of(question):
    return BANK["topics"][question["topic"]]["page"].removesuffix(".md")


def text(fragment):
    """Rendered HTML -> plain text, for comparing with the Markdown source."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def plain(markdown):
    return " ".join(markdown.replace("`", "").split())


def test_part2_is_covered_once_per_question():
    assert sum(PART2.values()) == 67
    assert {t: meta["part2"] for t, meta in BANK["topics"].items()} == PART2
    assert all(set(meta) == {"title", "part2", "page"} for meta in BANK["topics"].values())
    covered = Counter((q["topic"], q["part2"]) for q in AUDITED)
    expected = {(topic, n) for topic, count in PART2.items() for n in range(1, count + 1)}
    assert set(covered) == expected
    assert [key for key, times in covered.items() if times > 1] == []
    assert len(AUDITED) == 67
    for q in QUESTIONS:
        if q not in AUDITED:  # asked beyond the audit: no seed to cite, a page that teaches it
            assert "part2" in q and not q.get("seeds"), q["id"]
            assert q["deeper"], q["id"]


def test_every_seed_question_is_answered():
    inventory = set(BANK["seed_questions"])
    assert Counter(key.split(":")[0] for key in inventory) == SEED_COUNTS
    answered = {seed for q in AUDITED for seed in q["seeds"]}
    assert inventory - answered == set(), "seed questions no entry answers"
    assert answered - inventory == set(), "entries cite seed questions that do not exist"


def test_entries_are_complete_and_short():
    ids = [q["id"] for q in QUESTIONS]
    assert len(ids) == len(set(ids))
    assert Counter(q["level"] for q in QUESTIONS).keys() == {"fresher", "experienced"}
    for q in QUESTIONS:
        words = len(q["answer"].split())
        assert 30 <= words <= 130, f"{q['id']}: {words} words; an answer is 2-6 sentences"
        assert q["deeper"], f"{q['id']} has no link to go deeper"
        assert '"' not in q["question"] and "{@" not in q["answer"]
        assert not re.search(r"\{[{%#]", q["answer"] + q.get("flask32", "")), (
            f"{q['id']}: keep Jinja delimiters out of answers; the page guard cannot see them")


@functools.cache
def article(path):
    return Article(path)


class Article(HTMLParser):
    """The ids of a built page and the links inside its article."""

    def __init__(self, path):
        super().__init__()
        self.ids, self.links, self.depth = set(), [], 0
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "article":
            self.depth += 1
        if tag == "a" and self.depth and attrs.get("href"):
            self.links.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1


def built(site, page):
    return site / "questions" / page / "index.html" if page != "index" else site / "questions" / "index.html"


def test_every_question_is_rendered_on_its_page_with_its_anchor(site):
    for q in QUESTIONS:
        page = built(site, page_of(q)).read_text(encoding="utf-8")
        found = re.search(r'<summary>((?:(?!</summary>).)*)</summary>\s*<p id="q-%s">' % re.escape(q["id"]), page, re.S)
        assert found, f"{q['id']} is not rendered on questions/{page_of(q)}"
        assert text(found.group(1)) == plain(q["question"])


def test_the_index_lists_every_question_under_its_level(site):
    page = (site / "questions" / "index.html").read_text(encoding="utf-8")
    fresher, experienced = page.split('id="fresher-questions"')[1].split('id="experienced-questions"')
    sections = {"fresher": fresher, "experienced": experienced.split("<h2")[0]}
    for q in QUESTIONS:
        link = f'href="{page_of(q)}/#q-{q["id"]}"'
        assert [level for level, html_ in sections.items() if link in html_] == [q["level"]], q["id"]


def chapter_pages(site):
    return sorted((site / "questions").rglob("index.html"))


def test_every_link_in_the_chapter_resolves_to_an_existing_anchor(site):
    checked, broken = 0, []
    for path in chapter_pages(site):
        base = "http://site/" + path.parent.relative_to(site).as_posix() + "/"
        for href in Article(path).links:
            url = urlsplit(urljoin(base, href))
            if url.netloc != "site":
                continue  # no link of this chapter leaves the site, but say so if one does
            target = site / url.path.lstrip("/")
            target = target / "index.html" if not target.suffix else target
            if not target.is_file():
                broken.append(f"{path.relative_to(site)}: {href} (no page)")
            elif url.fragment and url.fragment not in article(target).ids:
                broken.append(f"{path.relative_to(site)}: {href} (no anchor)")
            checked += 1
    assert broken == []
    assert checked > 300


def test_go_deeper_links_are_rendered_for_every_question(site):
    for q in QUESTIONS:
        links = article(built(site, page_of(q))).links
        for target in q["deeper"].values():
            path, _, anchor = target.partition("#")
            expected = path.removesuffix(".md").removesuffix("index") + "/"
            expected = re.sub(r"/+$", "/", expected) + (f"#{anchor}" if anchor else "")
            assert any(urljoin(f"http://site/questions/{page_of(q)}/", link)
                       == f"http://site/{expected}" for link in links), f"{q['id']}: {target}"


def test_the_quiz_has_every_question_as_a_card_with_a_hidden_answer(site):
    page = (site / "questions" / "quiz" / "index.html").read_text(encoding="utf-8")
    cards = re.findall(r'<div class="ffg-quiz-card" data-id="([^"]+)" data-level="([^"]+)"', page)
    assert cards == [(q["id"], q["level"]) for q in QUESTIONS]
    assert page.count('class="ffg-quiz-answer" hidden') == len(QUESTIONS)
    reveal = r'<button type="button"[^>]*data-quiz-action="reveal" aria-expanded="false"'
    known = r'<button type="button"[^>]*data-quiz-action="known" aria-pressed="false"'
    assert len(re.findall(reveal, page)) == len(re.findall(known, page)) == len(QUESTIONS)
    assert '<label for="ffg-quiz-level">' in page and '<select id="ffg-quiz-level"' in page
    assert re.search(r'<script src="[./]*assets/quiz\.js"', page)


def test_every_flask_32_note_is_on_the_flask_32_page(site):
    links = Article(site / "questions" / "flask-3-2" / "index.html").links
    for q in QUESTIONS:
        if q.get("flask32"):
            assert f"../{page_of(q)}/#q-{q['id']}" in links, q["id"]
    assert "../../contexts/flask-3-2/" in links


def test_the_tags_index_lists_the_question_pages(site):
    page = (site / "questions" / "tags" / "index.html").read_text(encoding="utf-8")
    assert 'id="tag:interview"' in page
    interview = page.split('id="tag:interview"', 1)[1].split("</dl>", 1)[0]
    for name in {meta["page"].removesuffix(".md") for meta in BANK["topics"].values()}:
        assert f'href="../{name}/"' in interview, name
