"""Search finds the fix from the message: every troubleshooting entry ranks first for its query.

The queries are the data of the chapter (`query` in docs/troubleshooting/<page>.yml): what a
developer pastes into the search box, the message or its most distinctive fragment. One page of
Chromium types them all, one after another, each bounded by the page's timeout, and the test
reports every query that missed in one message, with where its first result went instead.

Material groups results by page: the first result is a page, its first link the page itself
and the links below it that page's sections, best first. The entry ranks first when the first
result is its page and the first section under it is its heading.
"""

import time
from urllib.parse import urlsplit

from playwright.sync_api import Error as PlaywrightError

from tests.browser_tools import search
from tests.troubleshooting.test_symptoms import all_entries

BUDGET = 240  # seconds for all queries: a search that hangs fails the test, never stalls it


def test_each_entry_ranks_first_for_its_query(page, visit):
    entries = [(p.stem, e["id"], e["query"]) for p, e in all_entries()
               if isinstance(e, dict) and {"id", "query"} <= e.keys()]
    assert entries, "no entries in docs/troubleshooting/*.yml"
    visit()
    wrong, deadline = {}, time.monotonic() + BUDGET
    for stem, anchor, query in entries:
        if time.monotonic() > deadline:
            wrong[query] = f"not tried: the {BUDGET} s budget ran out"
            continue
        expected = f"troubleshooting/{stem}/#{anchor}"
        try:
            found = first_section(page, query)
        except PlaywrightError as error:
            wrong[query] = f"expected {expected}, no result ({str(error).splitlines()[0]})"
            continue
        if found != expected:
            wrong[query] = f"expected {expected}, first result {found}"
    assert not wrong, f"{len(wrong)} of {len(entries)} queries miss:\n" + "\n".join(
        f"  {query!r}: {why}" for query, why in wrong.items())


def first_section(page, query):
    """'chapter/page/#anchor' of the first section link in the first result ('chapter/page/'
    when that result has no section link), from the site's root."""
    search(page, query)
    links = page.locator(".md-search-result__item").first.locator("a.md-search-result__link")
    hrefs = [urlsplit(links.nth(i).get_attribute("href")) for i in range(links.count())]
    best = next((h for h in hrefs if h.fragment), hrefs[0])
    path = best.path.split("/flask-field-guide/", 1)[-1]
    return f"{path}#{best.fragment}" if best.fragment else path
