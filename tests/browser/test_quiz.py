"""The quiz of docs/questions/quiz.md in a real browser (docs/assets/quiz.js).

Reveal an answer, mark the question as known, reload: the mark is still there, read back
from localStorage. Uses the `page` and `site_url` fixtures of tests/browser/conftest.py.
"""

import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from tests.browser_tools import LIGHTHOUSE_PHONE, TALL, follow_instantly, layout_shift, watched_page

BANK = Path(__file__).resolve().parents[2] / "docs" / "questions" / "bank.yml"
TOTAL = len(yaml.safe_load(BANK.read_text(encoding="utf-8"))["questions"])  # audited and beyond


def visible_card(page):
    card = page.locator(".ffg-quiz-card:visible")
    expect(card).to_have_count(1)
    return card


def test_reveal_mark_known_and_reload_keeps_the_mark(page, site_url):
    page.goto(site_url + "questions/quiz/")
    expect(page.locator(".ffg-quiz-controls")).to_be_visible()
    expect(page.locator(".ffg-quiz-progress")).to_have_text(f"You know 0 of {TOTAL} questions.")

    card = visible_card(page)
    question_id = card.get_attribute("data-id")
    answer = card.locator(".ffg-quiz-answer")
    expect(answer).to_be_hidden()

    reveal = card.get_by_role("button", name="Show answer")
    reveal.click()
    expect(answer).to_be_visible()
    expect(card.get_by_role("button", name="Hide answer")).to_have_attribute("aria-expanded", "true")
    expect(answer.get_by_role("link", name="Read the full answer")).to_have_attribute(
        "href", re.compile(rf"#q-{question_id}$"))

    known = card.get_by_role("button", name="I know this")
    expect(known).to_have_attribute("aria-pressed", "false")
    known.click()
    expect(known).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".ffg-quiz-progress")).to_have_text(f"You know 1 of {TOTAL} questions.")
    assert page.evaluate("localStorage.getItem('ffg-quiz-known')") == f'["{question_id}"]'

    page.reload()
    expect(page.locator(".ffg-quiz-progress")).to_have_text(f"You know 1 of {TOTAL} questions.")
    marked = page.locator(f'.ffg-quiz-card[data-id="{question_id}"]')
    expect(marked).to_have_attribute("data-known", "true")
    expect(marked.locator("[data-quiz-action='known']")).to_have_attribute("aria-pressed", "true")
    expect(marked).to_be_hidden()  # a known question is not drawn again
    expect(visible_card(page)).not_to_have_attribute("data-id", question_id)


def test_the_level_filter_and_forgetting(page, site_url):
    page.goto(site_url + "questions/quiz/")
    page.get_by_label("Level").select_option("experienced")
    for _ in range(3):
        expect(visible_card(page)).to_have_attribute("data-level", "experienced")
        page.get_by_role("button", name="Next question").click()
    visible_card(page).get_by_role("button", name="I know this").click()
    expect(page.locator(".ffg-quiz-progress")).to_have_text(re.compile(r"You know 1 of \d+ questions at this level\."))
    page.get_by_role("button", name="Forget what I marked").click()
    expect(page.locator(".ffg-quiz-progress")).to_have_text(re.compile(r"You know 0 of \d+ questions at this level\."))
    assert page.evaluate("localStorage.getItem('ffg-quiz-known')") == "[]"


def test_the_quiz_survives_instant_navigation(page, site_url):
    page.goto(site_url + "questions/")
    quiz = page.locator("article").get_by_role("link", name="Quiz").first
    follow_instantly(page, quiz, re.compile(r"questions/quiz/$"))
    expect(page.locator(".ffg-quiz-controls")).to_be_visible()
    expect(page.locator(".ffg-quiz-card:visible")).to_have_count(1)


@pytest.mark.parametrize("context_options", [TALL, LIGHTHOUSE_PHONE], ids=["tall", "phone"])
def test_the_quiz_does_not_shift_when_it_starts(browser, site_url, context_options):
    """Every card is hidden in the HTML and stacked in one place, and the count line keeps its
    height while it is empty, so quiz.js starting moves nothing (Lighthouse CLS): measured in a
    window tall enough to show the whole quiz, and on Lighthouse's phone, where the count line
    once moved the deck 42 px (CLS 0.010)."""
    page, watch = watched_page(browser, site_url, **context_options)
    page.goto(site_url + "questions/quiz/")
    expect(page.locator(".ffg-quiz-controls")).to_be_visible()
    expect(page.locator(".ffg-quiz-card:visible")).to_have_count(1)
    shift = layout_shift(page)
    page.context.close()
    assert shift < 0.001, f"layout shift {shift:.4f}"
    assert not watch.errors and not watch.requests, (watch.errors, watch.requests)
