"""The early search worker (docs/assets/javascripts/workers/search-early.js, started by overrides/main.html): the
page gets it in place of the theme's, it indexes what it fetched itself, and when its fetch
fails it falls back to the index the page hands it. Results themselves: test_reader.py."""

from urllib.parse import parse_qs, urlsplit

from tests.browser_tools import search

# Drives a worker by the theme's protocol: SETUP (0) -> READY (1), QUERY (2) -> RESULT (3).
PROTOCOL = """async ([index, docs]) => {
  const theme = [...document.querySelectorAll("script")].map(s => s.src)
    .find(src => src.includes("/javascripts/bundle."))
    .replace(/bundle\\.\\w+\\.min\\.js$/, "")
  const config = JSON.parse(document.getElementById("__config").textContent)
  const worker = new Worker(new URL("../../assets/javascripts/workers/search-early.js", location.href) + "?" +
    new URLSearchParams({theme: new URL(config.search, location.href), index, suggest: "1"}))
  const next = (type) => new Promise((resolve) => worker.addEventListener("message", function on(e) {
    if (e.data.type === type) { worker.removeEventListener("message", on); resolve(e.data) }
  }))
  const page = await (await fetch(new URL("../../search/search_index.json", location.href))).json()
  worker.postMessage({type: 0, data: {config: page.config, docs: docs === "page" ? page.docs : [],
                                     options: {suggest: true}}})
  await next(1)
  worker.postMessage({type: 2, data: "url_for"})
  const result = await next(3)
  worker.terminate()
  return result.data.items.length ? result.data.items[0][0].location : null
}"""


def test_the_page_starts_the_early_worker_and_searches_with_it(page, visit):
    workers = []
    page.on("worker", lambda worker: workers.append(worker.url))
    visit()
    assert "/routing/url-building/" in search(page, "url_for")
    [early] = [url for url in workers if "search" in url]  # the one search worker: ours
    query = parse_qs(urlsplit(early).query)
    assert urlsplit(early).path.endswith("/assets/javascripts/workers/search-early.js")
    assert "/assets/javascripts/workers/search." in query["theme"][0]
    assert query["index"][0].endswith("/search/search_index.json") and query["suggest"] == ["1"]


def test_it_answers_from_the_index_it_fetched_not_the_one_the_page_sends(page, visit):
    visit("routing/routes-and-methods/")
    index = page.evaluate("new URL('../../search/search_index.json', location.href).href")
    assert page.evaluate(PROTOCOL, [index, "none"]).startswith("routing/")


def test_when_its_fetch_fails_it_uses_the_index_the_page_sends(page, visit):
    visit("routing/routes-and-methods/")
    missing = page.evaluate("new URL('../../search/no-such-index.json', location.href).href")
    assert page.evaluate(PROTOCOL, [missing, "page"]).startswith("routing/")
