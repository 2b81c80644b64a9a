"""The 40 "answers you'll still hear" of the seed audit, Part 1, on the questions chapter.

docs/questions/wrong-answers.yml holds one entry per audit item; the page renders each as a
callout. Every item must be there once, with what is true now, since when, a proof link that
reaches an existing anchor, and either tests that exist or the source of the fact.
"""

import html
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml

from tests.questions.test_bank import article

ROOT = Path(__file__).resolve().parents[2]
ITEMS = yaml.safe_load((ROOT / "docs" / "questions" / "wrong-answers.yml").read_text(encoding="utf-8"))["items"]
BANK = yaml.safe_load((ROOT / "docs" / "questions" / "bank.yml").read_text(encoding="utf-8"))


def test_all_forty_audit_items_are_there_once():
    assert [item["n"] for item in ITEMS] == list(range(1, 41))


def test_every_item_says_what_is_true_since_when_and_how_we_know():
    for item in ITEMS:
        assert item["said"] and item["now"] and item["since"] and item["proof"], item["n"]
        assert item["topic"] in BANK["topics"], item["n"]
        assert set(item["seeds"]) <= {"000", "001", "002", "003", "004"}, item["n"]
        assert item["checked_by"] or item.get("source"), f"item {item['n']} has neither test nor source"
        for test in item["checked_by"]:
            assert (ROOT / test).is_file(), f"item {item['n']}: {test} does not exist"


def callouts(site):
    page = (site / "questions" / "wrong-answers" / "index.html").read_text(encoding="utf-8")
    return re.findall(r'<div class="admonition failure">(.*?)\n</div>', page, re.S)


def plain(fragment):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def test_every_item_is_rendered_as_a_callout(site):
    rendered = callouts(site)
    assert len(rendered) == 40
    shown_all = [plain(c) for c in rendered]
    for item in ITEMS:
        said = " ".join(item["said"].replace("`", "").split())
        [shown] = [c for c in shown_all if c.startswith(f"Answer you'll still hear: “{said}”")]
        for test in item["checked_by"]:
            assert test in shown, item["n"]


def test_every_proof_link_is_on_the_page_and_resolves(site):
    base = "http://site/questions/wrong-answers/"
    links = article(site / "questions" / "wrong-answers" / "index.html").links
    resolved = {urljoin(base, link) for link in links}
    for item in ITEMS:
        for target in item["proof"].values():
            path, _, anchor = target.partition("#")
            url = "http://site/" + re.sub(r"(index)?\.md$", "", path).rstrip("/") + "/"
            url += f"#{anchor}" if anchor else ""
            assert url in resolved, f"item {item['n']}: {target} is not linked"
            page = site / urlsplit(url).path.lstrip("/") / "index.html"
            assert page.is_file(), target
            assert not anchor or anchor in article(page).ids, target
