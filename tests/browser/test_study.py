"""Study mode (docs/questions/study.md, docs/assets/study.js) in a real browser.

The clock is fixed with Playwright's `page.clock`, and every due date the page stores is
compared with what the ts-fsrs library, loaded by the same page, computes for the same card,
grade and time. Progress is read back from localStorage, the export file, the chapter index
pages and the offline zip opened from file://.
"""

import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.test_offline import unzipped  # noqa: F401  (the zip, built once per session)
from tests.browser_tools import LIGHTHOUSE_PHONE, TALL, follow_instantly, layout_shift, watched_page

STORE_KEY = "ffg-study"
T0 = datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)
RATING = {"Again": 1, "Hard": 2, "Good": 3, "Easy": 4}
LIBRARY = """([saved, now, rating]) => {
  const card = saved ? {...saved, due: new Date(saved.due),
                        last_review: saved.last_review ? new Date(saved.last_review) : undefined}
                     : FSRS.createEmptyCard(new Date(now));
  const next = FSRS.fsrs(FSRS.generatorParameters({})).next(card, new Date(now), rating).card;
  return {...next, due: next.due.toISOString(),
          last_review: next.last_review ? new Date(next.last_review).toISOString() : undefined};
}"""


def open_study(page, url):
    page.goto(url)
    expect(page.locator(".ffg-study")).to_have_attribute("data-study-ready", "true")
    return page.locator(".ffg-study")


def stored(page):
    raw = page.evaluate(f"localStorage.getItem('{STORE_KEY}')")
    return json.loads(raw) if raw else None


def counts(locator):
    return {name: int(locator.locator(f"[data-count='{name}']").inner_text())
            for name in ("due", "new", "learned")}


def grade(page, name):
    """Reveal with Space, grade with the key; return the id of the card graded."""
    card = page.locator(".ffg-study").get_attribute("data-current")
    page.keyboard.press("Space")
    expect(page.locator(f".ffg-study-answer[data-id='{card}']")).to_be_visible()
    page.keyboard.press(str(RATING[name]))
    expect(page.locator(".ffg-study")).not_to_have_attribute("data-current", card)
    return card


def library(page, saved, now, rating):
    return page.evaluate(LIBRARY, [saved, now.isoformat(), rating])


def same_card(saved, computed):
    for name in ("stability", "difficulty"):
        assert abs(saved[name] - computed[name]) < 1e-9, name
    for name in ("due", "state", "reps", "lapses", "scheduled_days", "elapsed_days", "learning_steps"):
        assert saved[name] == computed[name], name
    assert saved["last_review"] == computed["last_review"]


def test_grading_moves_the_due_date_as_ts_fsrs_computes(page, site_url):
    page.clock.set_fixed_time(T0)
    open_study(page, site_url + "questions/study/?chapter=routing")
    expect(page.get_by_label("Chapter", exact=True)).to_have_value("routing")
    first = grade(page, "Good")
    after_good = stored(page)["cards"][first]
    same_card(after_good, library(page, None, T0, RATING["Good"]))
    assert after_good["due"] == "2026-12-01T09:10:00.000Z"  # FSRS's second learning step: 10 min

    # Twelve minutes later it is due again, and comes first; its stored state feeds the library.
    later = T0 + timedelta(minutes=12)
    page.clock.set_fixed_time(later)
    page.reload()
    expect(page.locator(".ffg-study")).to_have_attribute("data-current", first)
    page.keyboard.press("Space")
    good_interval = page.locator("[data-grade='4'] .ffg-study-interval")
    expect(good_interval).to_have_text(re.compile(r"^\d+ (d|mo)$"))
    page.keyboard.press("4")
    after_easy = stored(page)["cards"][first]
    same_card(after_easy, library(page, after_good, later, RATING["Easy"]))
    assert datetime.fromisoformat(after_easy["due"]) - later >= timedelta(days=1)


def test_keyboard_only_and_what_a_screen_reader_hears(page, site_url):
    page.clock.set_fixed_time(T0)
    study = open_study(page, site_url + "questions/study/")
    page.get_by_label("Level", exact=True).select_option("experienced")  # cards with key points
    expect(study.locator(".ffg-study-counts")).to_have_attribute("aria-live", "polite")
    expect(study.locator(".ffg-study-answers")).to_have_attribute("aria-live", "polite")
    expect(study.locator(".ffg-study-message")).to_have_attribute("role", "status")
    reveal = study.get_by_role("button", name="Show answer")
    expect(reveal).to_have_attribute("aria-keyshortcuts", "Space")
    grades = study.get_by_role("group", name="How well did you answer?").get_by_role("button")
    expect(grades).to_have_count(4)
    for button in grades.all():
        expect(button).to_be_disabled()  # nothing to grade before the answer shows

    reveal.focus()
    page.keyboard.press("Enter")  # the button itself, as a keyboard user presses it
    expect(reveal).to_have_attribute("aria-expanded", "true")
    expect(study.get_by_role("button", name=re.compile("^Good"))).to_be_focused()
    page.keyboard.press("Enter")  # grades Good
    expect(reveal).to_be_focused()
    expect(reveal).to_have_attribute("aria-expanded", "false")
    assert len(stored(page)["cards"]) == 1

    # Space on a key point's checkbox ticks it and reveals nothing twice.
    page.keyboard.press("Space")
    current = study.get_attribute("data-current")
    boxes = page.locator(f".ffg-study-answer[data-id='{current}'] input[type='checkbox']")
    expect(boxes).not_to_have_count(0)
    boxes.first.focus()
    page.keyboard.press("Space")
    expect(boxes.first).to_be_checked()
    page.keyboard.press("2")  # and a digit still grades from there
    expect(study).not_to_have_attribute("data-current", current)
    assert len(stored(page)["cards"]) == 2
    # A digit typed into the chapter menu is the menu's, not a grade.
    page.get_by_label("Chapter", exact=True).focus()
    page.keyboard.press("3")
    assert len(stored(page)["cards"]) == 2


def test_the_level_and_chapter_limit_a_session(page, site_url):
    page.clock.set_fixed_time(T0)
    study = open_study(page, site_url + "questions/study/")
    page.get_by_label("Level", exact=True).select_option("experienced")
    page.get_by_label("Chapter", exact=True).select_option("security")
    for _ in range(3):
        card = page.locator(f".ffg-study-card[data-id='{study.get_attribute('data-current')}']")
        expect(card).to_have_attribute("data-level", "experienced")
        expect(card).to_have_attribute("data-chapter", "security")
        answer = page.locator(f".ffg-study-answer[data-id='{card.get_attribute('data-id')}']")
        grade(page, "Easy")
        assert 3 <= answer.locator("input[type='checkbox']").count() <= 5  # its key points
    assert counts(study.locator(".ffg-study-counts"))["learned"] == 3


def test_progress_survives_a_reload_and_an_export_import_round_trip(page, site_url):
    page.clock.set_fixed_time(T0)
    study = open_study(page, site_url + "questions/study/")
    for name in ("Again", "Easy", "Good"):
        grade(page, name)
    before = counts(study.locator(".ffg-study-counts"))
    assert before == {"due": 2, "new": 244, "learned": 1}
    saved = stored(page)

    page.reload()
    expect(study).to_have_attribute("data-study-ready", "true")
    assert counts(study.locator(".ffg-study-counts")) == before

    with page.expect_download() as download:
        study.get_by_role("button", name="Export progress").click()
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert download.value.suggested_filename == "flask-field-guide-progress-2026-12-01.json"
    assert exported["format"] == "flask-field-guide-study" and exported["version"] == 1
    assert exported["cards"] == saved["cards"]

    page.evaluate("localStorage.clear()")
    page.reload()
    expect(study).to_have_attribute("data-study-ready", "true")
    assert counts(study.locator(".ffg-study-counts")) == {"due": 0, "new": 247, "learned": 0}
    with page.expect_file_chooser() as chooser:
        study.get_by_role("button", name="Import progress").click()
    chooser.value.set_files(download.value.path())
    expect(study.locator(".ffg-study-message")).to_have_text("Imported the progress of 3 cards.")
    assert counts(study.locator(".ffg-study-counts")) == before
    assert stored(page)["cards"] == saved["cards"]


def test_a_bad_file_is_refused_and_the_progress_stays(page, site_url):
    page.clock.set_fixed_time(T0)
    study = open_study(page, site_url + "questions/study/")
    grade(page, "Good")
    before = page.evaluate(f"localStorage.getItem('{STORE_KEY}')")
    valid_card = json.loads(before)["cards"]
    bad = {
        b"{not json": "this file is not JSON",
        b"[1, 2]": "not a progress file of the Flask Field Guide",
        b'{"cards": {}}': "not a progress file of the Flask Field Guide",
        b'{"format": "flask-field-guide-study", "version": 2, "cards": {}}': "has version 2",
        b'{"format": "flask-field-guide-study", "version": 1}': "has no cards",
        json.dumps({"format": "flask-field-guide-study", "version": 1,
                    "cards": {k: {**v, "due": "tomorrow"} for k, v in valid_card.items()}}).encode(): "damaged entry",
        json.dumps({"format": "flask-field-guide-study", "version": 1,
                    "cards": {k: {**v, "state": 9} for k, v in valid_card.items()}}).encode(): "damaged entry",
        "\ufeff\u00e9".encode("latin-1", "replace"): "not JSON",
        json.dumps({"format": "flask-field-guide-study", "version": 1,
                    "cards": {"__proto__": next(iter(valid_card.values()))}}).encode(): "damaged entry",
        b" " * 5_000_001: "far larger than any progress file",
    }
    for content, reason in bad.items():
        page.set_input_files("[data-study-file]", files=[
            {"name": "progress.json", "mimeType": "application/json", "buffer": content}])
        message = study.locator(".ffg-study-message")
        expect(message).to_contain_text(reason)
        expect(message).to_contain_text("Your progress is unchanged.")
        assert page.evaluate(f"localStorage.getItem('{STORE_KEY}')") == before
        page.evaluate("document.querySelector('.ffg-study-message').textContent = ''")
    assert counts(study.locator(".ffg-study-counts"))["new"] == 246


def test_a_damaged_store_does_not_stop_the_page(page, site_url):
    page.goto(site_url + "questions/")
    page.evaluate(f"localStorage.setItem('{STORE_KEY}', '{{broken')")
    study = open_study(page, site_url + "questions/study/")
    assert counts(study.locator(".ffg-study-counts")) == {"due": 0, "new": 247, "learned": 0}


def test_chapter_and_home_progress_show_the_study_pages_numbers(page, site_url, screenshots):
    page.clock.set_fixed_time(T0)
    study = open_study(page, site_url + "questions/study/?chapter=routing")
    for name in ("Again", "Easy", "Easy", "Hard"):
        grade(page, name)
    on_study = counts(study.locator(".ffg-study-counts"))
    assert on_study == {"due": 2, "new": 15, "learned": 2}
    page.get_by_label("Chapter", exact=True).select_option("all")
    everything = counts(study.locator(".ffg-study-counts"))
    page.screenshot(path=str(screenshots / "study-page.png"), full_page=True)

    page.goto(site_url + "routing/")
    line = page.locator(".ffg-progress")
    expect(line).to_have_attribute("data-ready", "true")
    assert counts(line) == on_study
    expect(line.get_by_role("link", name="Study these")).to_have_attribute("href", re.compile(r"study/\?chapter=routing$"))
    line.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / "study-chapter-progress.png"))
    page.goto(site_url)
    expect(page.locator(".ffg-progress")).to_have_attribute("data-ready", "true")
    assert counts(page.locator(".ffg-progress")) == everything

    # Through instant navigation: the link from the chapter's line opens a limited session.
    page.goto(site_url + "routing/")
    follow_instantly(page, page.locator(".ffg-progress").get_by_role("link", name="Study these"),
                     re.compile(r"questions/study/\?chapter=routing$"))
    expect(page.locator(".ffg-study")).to_have_attribute("data-study-ready", "true")
    assert counts(page.locator(".ffg-study-counts")) == on_study
    page.emulate_media(color_scheme="dark")
    page.screenshot(path=str(screenshots / "study-dark.png"))


@pytest.mark.parametrize("context_options", [TALL, LIGHTHOUSE_PHONE], ids=["tall", "phone"])
def test_the_study_page_does_not_shift_when_it_starts(browser, site_url, context_options):
    page, watch = watched_page(browser, site_url, **context_options)
    page.goto(site_url + "questions/study/")
    expect(page.locator(".ffg-study")).to_have_attribute("data-study-ready", "true")
    assert layout_shift(page) < 0.001
    page.goto(site_url + "routing/")
    expect(page.locator(".ffg-progress")).to_have_attribute("data-ready", "true")
    assert layout_shift(page) < 0.001
    page.context.close()
    assert not watch.errors and not watch.requests, (watch.errors, watch.requests)


def test_the_offline_zips_study_page_works_from_the_file_system(browser, unzipped):
    page, watch = watched_page(browser, "file:")
    page.set_default_timeout(15_000)
    page.clock.set_fixed_time(T0)
    study = open_study(page, (unzipped / "questions" / "study.html").as_uri() + "?chapter=testing")
    first = grade(page, "Good")
    same_card(stored(page)["cards"][first], library(page, None, T0, RATING["Good"]))
    page.goto((unzipped / "testing" / "index.html").as_uri())
    line = page.locator(".ffg-progress")
    expect(line).to_have_attribute("data-ready", "true")
    assert counts(line) == {"due": 1, "new": 13, "learned": 0}
    expect(line.get_by_role("link", name="Study these")).to_have_attribute(
        "href", re.compile(r"questions/study\.html\?chapter=testing$"))
    page.goto((unzipped / "questions" / "quiz.html").as_uri())  # quiz.js starts from file:// too
    expect(page.locator(".ffg-quiz-controls")).to_be_visible()
    expect(page.locator(".ffg-quiz-card:visible")).to_have_count(1)
    page.context.close()
    assert not watch.requests, watch.requests
    assert not watch.errors, watch.errors
    assert study


def test_study_and_quiz_pass_axe_in_both_themes(site_url):
    """tests/browser/test_pages.py checks every page in the light theme; these two are mostly
    buttons and hidden cards, so the dark theme is checked here too."""
    from tests.browser.test_pages import run_audit

    for scheme in ("light", "dark"):
        problems = run_audit(site_url, ["questions/study/", "questions/quiz/"], scheme)
        assert not problems, "\n".join(problems)
