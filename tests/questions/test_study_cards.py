"""The study pool: every bank question and every chapter self-check question as one card.

The self-check questions live in docs/questions/self-check/<chapter>.yml and the self-check
pages render them with `{@ self_check("<chapter>") @}`; the study page (docs/questions/study.md)
and the build's assets/study/cards.js show the same cards. These tests check the data (ids,
levels, key points, links), that the pages show exactly those cards, and that the Try-it calls
that moved into the data are still recorded as calls of their page.
"""

import html
import json
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "overrides"))
from macros import questions, rebuilds, records  # noqa: E402

CARDS = questions.cards()
BANK = [card for card in CARDS if card["source"] == "bank"]
SELF_CHECK = [card for card in CARDS if card["source"] == "self-check"]
# Counted before the self-check questions moved into data: 74 bank entries (the audit's 67
# and seven asked beyond it) and the folds typed into the twelve self-check pages.
EXPECTED = {"bank": 74, "self-check": 173}
PER_CHAPTER = {"foundations": 10, "routing": 13, "requests": 16, "templates": 12, "contexts": 11,
               "lifecycle": 15, "structure": 14, "extensions": 19, "security": 19, "testing": 13,
               "deployment": 14, "scaling": 17}
# Progress is stored under a card's id: an id that disappears loses every reader's progress on
# it. New cards add their ids here; none is ever removed or renamed.
IDS_FILE = Path(__file__).with_name("study_card_ids.txt")


def test_the_pool_has_every_question_once():
    assert Counter(card["source"] for card in CARDS) == EXPECTED
    assert Counter(card["chapter"] for card in SELF_CHECK) == PER_CHAPTER
    assert len({card["id"] for card in CARDS}) == len(CARDS) == sum(EXPECTED.values())
    assert set(questions.CHAPTERS) == set(PER_CHAPTER)
    assert {card["chapter"] for card in BANK} <= set(questions.CHAPTERS)


def test_ids_are_stable():
    known = IDS_FILE.read_text(encoding="utf-8").split()
    assert len(known) == len(set(known))
    assert [i for i in known if i not in {card["id"] for card in CARDS}] == [], \
        "a card id went away: progress stored under it is lost; restore the id"
    assert [card["id"] for card in CARDS if card["id"] not in known] == [], \
        f"a new card: append its id to {IDS_FILE.name}"
    for card in CARDS:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", card["id"]), card["id"]


def test_every_card_is_complete():
    for card in CARDS:
        assert card["level"] in questions.LEVELS, card["id"]
        assert card["question"].strip() and "\n" not in card["question"], card["id"]
        assert len(card["answer"].split()) >= 10, card["id"]
        label, link = card["read_more"]
        assert label.strip(), card["id"]
        assert (ROOT / "docs" / link.partition("#")[0]).is_file(), (card["id"], link)


def test_experienced_cards_have_three_to_five_key_points():
    for card in CARDS:
        points = card["key_points"]
        if card["level"] == "experienced":
            assert 3 <= len(points) <= 5, card["id"]
            assert all(isinstance(p, str) and 10 <= len(p) <= 110 for p in points), card["id"]
            assert len(set(points)) == len(points), card["id"]
        else:
            assert points == [], card["id"]
    assert sum(card["level"] == "experienced" for card in BANK) == 40


def test_a_malformed_card_is_refused(tmp_path, monkeypatch):
    good = (questions.SELF_CHECK / "routing.yml").read_text(encoding="utf-8")
    monkeypatch.setattr(questions, "SELF_CHECK", tmp_path)
    broken = {
        "an experienced card without key points": re.sub(r"(?s)    key_points:\n(      - .*?\n)+", "", good, count=1),
        "an unknown level": good.replace("level: fresher", "level: guru", 1),
        "a field nobody reads": good.replace("    level: fresher", "    levle: fresher\n    level: fresher", 1),
    }
    for why, text in broken.items():
        (tmp_path / "routing.yml").write_text(text, encoding="utf-8")
        with pytest.raises(ValueError):
            questions.self_check_cards("routing")
        assert why
    with pytest.raises(ValueError):
        questions.self_check_cards("no-such-chapter")


def test_the_pages_show_the_pool(site):
    """Each self-check page folds exactly its chapter's cards; the study page has all of them."""
    for chapter, count in PER_CHAPTER.items():
        built = (site / chapter / "self-check" / "index.html").read_text(encoding="utf-8")
        folds = re.findall(r'<details class="question">\s*<summary>(.*?)</summary>', built, re.S)
        assert len(folds) == count, chapter
        expected = [card["question"] for card in questions.self_check_cards(chapter)]
        shown = [" ".join(html.unescape(re.sub(r"<[^>]+>", "", f)).split()) for f in folds]
        assert shown == [" ".join(q.replace("`", "").split()) for q in expected], chapter
        assert 'abstract' in built and "In an interview" in built  # the summary stays on the page
    study = (site / "questions" / "study" / "index.html").read_text(encoding="utf-8")
    # The answers are cut out of the page into a script per chapter (questions.write_answers).
    answers = {}
    for script in sorted((site / questions.ANSWERS_DIR).glob("*.js")):
        chapter = json.loads(script.read_text(encoding="utf-8").split(" = ", 1)[1].rstrip().rstrip(";"))
        assert {card["chapter"] for card in CARDS if card["id"] in chapter} == {script.stem}
        answers.update(chapter)
    assert "ffg-study-answer\"" not in study  # only the empty box they go into
    tags = re.findall(r'<div class="ffg-study-card"([^>]*)>', study)
    assert [re.search(r'data-id="([^"]+)"', attrs)[1] for attrs in tags] == [card["id"] for card in CARDS]
    assert sorted(answers) == sorted(card["id"] for card in CARDS)
    for cid, answer in answers.items():
        assert re.match(r'<div (?=[^>]*class="ffg-study-answer")(?=[^>]*data-id="%s")' % re.escape(cid), answer)
    assert all('hidden' in attrs for attrs in tags + [a[:a.index(">")] for a in answers.values()])
    assert sum(a.count('<input type="checkbox">') for a in answers.values()) == \
        sum(len(card["key_points"]) for card in CARDS)
    bank_anchors = sum(len(re.findall(r'id="q-', (site / "questions" / page).joinpath("index.html").read_text()))
                       for page in {meta["page"][:-3] for meta in questions._load_bank()["topics"].values()})
    assert bank_anchors == EXPECTED["bank"]


def test_the_build_writes_the_pool_index(site):
    text = (site / "assets" / "study" / "cards.js").read_text(encoding="utf-8")
    payload = json.loads(re.fullmatch(r"(?s)/\*.*?\*/\nwindow\.FFG_STUDY_POOL = (.*);\n", text)[1])
    assert payload["version"] == questions.POOL_VERSION
    assert payload["cards"] == [{"id": c["id"], "chapter": c["chapter"], "level": c["level"]} for c in CARDS]
    assert payload["chapters"] == questions.CHAPTERS


def test_try_it_calls_in_the_data_are_recorded_as_the_pages_calls():
    page = ROOT / "docs" / "routing" / "self-check.md"
    assert "{@ http(" not in page.read_text(encoding="utf-8")  # they live in the data now
    calls = records.page_calls(page)
    assert [(name, args) for name, args, _ in calls] == [
        ("http", ["routing/methods.py", "GET /submit"]),
        ("http", ["routing/trailing_slash.py", "GET /projects"]),
        ("http", ["routing/trailing_slash.py", "GET /about/"]),
        ("run", ["routing/url_building.py", "build_outside_a_request"]),
        ("http", ["routing/rule_options.py", "GET /articles/page/1"]),
    ]
    for key, example, _ in records.keyed("docs/routing/self-check.md", calls):
        assert key in records.read(records.path_for(ROOT, example)), key
    for chapter in PER_CHAPTER:  # no other self-check page runs anything
        if chapter != "routing":
            assert records.page_calls(ROOT / "docs" / chapter / "self-check.md") == []


def test_serve_rebuilds_a_self_check_page_when_its_data_changes():
    source = (ROOT / "docs" / "routing" / "self-check.md").read_text(encoding="utf-8")
    shows, runs = rebuilds.dependencies(ROOT, source)
    assert questions.SELF_CHECK / "routing.yml" in shows
    assert ROOT / "snippets" / "routing" / "trailing_slash.py" in runs
    assert records.path_for(ROOT, "routing/trailing_slash.py") in shows
    study = (ROOT / "docs" / "questions" / "study.md").read_text(encoding="utf-8")
    assert questions.SELF_CHECK / "scaling.yml" in rebuilds.dependencies(ROOT, study)[0]
