"""The early search worker (docs/assets/javascripts/workers/search-early.js, started by
overrides/main.html): the page gets it in place of the theme's; it indexes what it fetched
itself, titles first, and the theme's worker it starts has the last word; when its fetch fails
it falls back to the index the page hands it. Results themselves: test_reader.py."""

from urllib.parse import parse_qs, urlsplit

from tests.browser_tools import search, whole_index

# Starts a worker and drives it by the theme's protocol: SETUP (0) -> READY (1), then a QUERY (2)
# for each of `queries`, one right after the other; every RESULT (3) is kept in window.answers,
# as its first result's location (or null).
START = """async ([index, docs, queries]) => {
  const theme = [...document.querySelectorAll("script")].map(s => s.src)
    .find(src => src.includes("/javascripts/bundle."))
    .replace(/bundle\\.\\w+\\.min\\.js$/, "")
  const config = JSON.parse(document.getElementById("__config").textContent)
  const worker = new Worker(new URL("../../assets/javascripts/workers/search-early.js", location.href) + "?" +
    new URLSearchParams({theme: new URL(config.search, location.href), index, suggest: "1", test: "1"}))
  window.answers = []
  worker.addEventListener("message", (e) => {
    if (e.data.type === 3) answers.push(e.data.data.items.length ? e.data.data.items[0][0].location : null)
  })
  const page = await (await fetch(new URL("../../search/search_index.json", location.href))).json()
  worker.postMessage({type: 0, data: {config: page.config, docs: docs === "page" ? page.docs : [],
                                     options: {suggest: true}}})
  await new Promise((resolve) => worker.addEventListener("message", (e) => e.data.type === 1 && resolve()))
  for (const query of queries) worker.postMessage({type: 2, data: query})
}"""


def answers(page, index, docs, *queries):
    """Every answer the worker gives `queries`, asked as soon as it is ready, until it has
    indexed everything and answered from it."""
    page.evaluate(START, [index, docs, queries])
    whole_index(page, worker="test=1")
    page.wait_for_timeout(500)  # its last answer, from the whole index, on its way
    return page.evaluate("window.answers")


def index_url(page, name="search_index.json"):
    return page.evaluate(f"new URL('../../search/{name}', location.href).href")


def test_the_page_starts_the_early_worker_and_searches_with_it(page, visit):
    workers = []
    page.on("worker", lambda worker: workers.append(worker.url))
    visit()
    assert "/routing/url-building/" in search(page, "url_for")
    # The page starts one worker: ours; ours starts the theme's, which indexes everything.
    [early] = [url for url in workers if "search-early.js" in url]
    [theirs] = [url for url in workers if "/workers/search." in urlsplit(url).path]
    query = parse_qs(urlsplit(early).query)
    assert urlsplit(early).path.endswith("/assets/javascripts/workers/search-early.js")
    assert query["theme"] == [theirs]
    assert query["index"][0].endswith("/search/search_index.json") and query["suggest"] == ["1"]


def test_it_answers_from_the_index_it_fetched_not_the_one_the_page_sends(page, visit):
    visit("routing/routes-and-methods/")
    assert answers(page, index_url(page), "none", "url_for")[-1].startswith("routing/url-building/")


def test_a_query_no_title_matches_waits_for_the_whole_index_not_an_empty_answer(page, visit):
    visit("routing/routes-and-methods/")
    # MAX_CONTENT_LENGTH is in no title, tag or symptom: the titles alone would find nothing.
    [answer] = answers(page, index_url(page), "none", "MAX_CONTENT_LENGTH")
    assert answer.startswith("requests/uploads/")


def test_the_whole_index_has_the_last_word(page, visit):
    visit("routing/routes-and-methods/")
    given = answers(page, index_url(page), "none", "Gunicorn")
    assert 1 <= len(given) <= 2 and given[-1].startswith("deployment/gunicorn/"), given


def test_when_its_fetch_fails_it_uses_the_index_the_page_sends(page, visit):
    visit("routing/routes-and-methods/")
    assert answers(page, index_url(page, "no-such-index.json"), "page", "url_for")[-1].startswith("routing/")


def test_an_emptied_box_ends_with_an_empty_list(page, visit):
    visit("routing/routes-and-methods/")
    # A reader types, then clears the box before the whole index is in: the titles answer the
    # word, the empty box clears the list, and the whole index brings back neither.
    given = answers(page, index_url(page), "none", "flask", "")
    assert len(given) == 2 and given[0] and given[1] is None, given
