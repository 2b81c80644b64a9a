"""Everything the tests and `bench` do with a browser, in one place: Debian's Chromium under
Playwright, the built site served on loopback, one policy for requests to other hosts, and the
search box.

    chromium()                  a headless Chromium (sync API), closed on leaving
    launch_options()            the same launch for Playwright's async API (test_pages, bench)
    serving(directory)          the built site on 127.0.0.1 under /flask-field-guide/, 404.html for misses
    follow_instantly(page, link, url)
                                click a link; wait until instant navigation has swapped the page in
    OffHost(context, origin)    THE off-host policy: a request to `origin` (or data:, blob:)
                                goes through; any other is aborted and remembered
    watched_page(browser, url)  a page whose console errors, exceptions and off-host requests are kept
    isolated_context(browser)   a context that reaches nothing but what `serve` answers (and
                                127.0.0.1 with loopback=True); a dead proxy backs that up
    serve(page, app, host)      answer http://<host>/... from a Flask app's test client
    live_server(app)            a Flask app under Werkzeug's server on 127.0.0.1, in a thread
    Requests(page)              every request a page made, and the failed ones
    whole_index(page)           wait until search has indexed everything, not only the titles
    search(page, query)         type a query as a reader does; the first result's link
    layout_shift(page)          every layout shift so far, summed (stricter than CLS's windows)
    TALL, LIGHTHOUSE_PHONE      context options: a window that shows a whole page, Lighthouse's phone

Playwright's own browser download does not work here, so Chromium comes from Debian
(`tests.servers.program("chromium")` says how to install it). No request leaves the machine.
"""

import contextlib
import functools
import http.server
import io
import re
import time
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import expect, sync_playwright
from werkzeug.serving import WSGIRequestHandler, make_server

from tests.servers import LOOPBACK, free_port, in_a_thread, program

PREFIX = "/flask-field-guide/"  # the path of site_url in mkdocs.yml; 404.html links to it
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
    "--disable-background-networking", "--disable-component-update",
]


def launch_options():
    """Debian's Chromium, headless, without the background traffic this closed network refuses."""
    return {"executable_path": program("chromium"), "args": CHROMIUM_FLAGS}


@contextlib.contextmanager
def chromium():
    """Debian's Chromium, headless, under Playwright's sync API; closed on leaving."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        yield browser
        browser.close()


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serve `directory` under PREFIX like a static host: 404.html with status 404 when missing.

    The sitemap's addresses are this server's, as `mkdocs serve` makes them: the theme takes a
    click for instant navigation only when the link is in the sitemap, and it swaps only the
    scheme and host name of the sitemap's addresses for the page's, not the port. With the
    hosted site's addresses every click on a loopback port would be a full page load."""

    def translate_path(self, path):
        path = urlsplit(path).path
        inside = path[len(PREFIX) - 1:] if path.startswith(PREFIX) else "/__outside__"
        return super().translate_path(inside)

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.exists():
            body = (Path(self.directory) / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return None
        if path.name == "sitemap.xml":
            host, port = self.server.server_address[:2]
            body = re.sub(rb"<loc>[^<]*?" + PREFIX.encode(), f"<loc>http://{host}:{port}{PREFIX}".encode(),
                          path.read_bytes())
            self.send_response(200)
            self.send_header("Content-Type", "text/xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()

    def log_message(self, *args):
        pass


class SiteServer(http.server.ThreadingHTTPServer):
    """A thread a connection, and a static host's queue of connections waiting to be accepted,
    not the standard library's 5: Chromium opens six at once, and on a loaded machine a
    connection request dropped from a full queue is retried only a second or more later."""

    request_queue_size = 128


@contextlib.contextmanager
def serving(directory):
    handler = functools.partial(SiteHandler, directory=str(directory))
    with in_a_thread(SiteServer((LOOPBACK, 0), handler)) as port:
        yield f"http://{LOOPBACK}:{port}{PREFIX}"


def follow_instantly(page, link, url):
    """Click `link` as a reader does and wait until the theme's instant navigation has swapped in
    the page at `url`; fail if the browser loaded it afresh instead. The theme takes a click only
    once it has the sitemap, which it fetches as it starts, and changes the address before it
    fetches the page: the helper waits for the network to go quiet, then for the theme's next
    document after the address changes. (Not for the sitemap's resource timing entry: a test that
    sets the page's clock gets a fake `performance` with no entries.)"""
    page.wait_for_load_state("networkidle")
    before = page.url
    page.evaluate("""() => { window.ffgSamePage = true; window.ffgSwaps = -1;
        document$.subscribe(() => window.ffgSwaps++); }""")  # it replays the current page: 0
    link.click()
    page.wait_for_url(url)
    assert page.url != before, f"{url} matched the page the link was on, {before}"
    page.wait_for_function("window.ffgSamePage !== true || window.ffgSwaps > 0")
    assert page.evaluate("window.ffgSamePage === true"), f"{page.url}: a full page load, not instant navigation"


def origin(url):
    """The origin a page may load from: scheme://host:port/ for http, every file: for file:."""
    if not url.startswith("http"):
        return "file:"
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/"


def is_local(url, allowed_origin):
    return url.startswith(("data:", "blob:")) or bool(allowed_origin) and url.startswith(allowed_origin)


class OffHost:
    """The one off-host policy. Requests to `allowed_origin` go through; every other request is
    aborted and remembered in `requests` (with no origin, every request a later, more specific
    route does not answer)."""

    def __init__(self, context, allowed_origin=None):
        self.allowed_origin, self.requests = allowed_origin, []
        context.route("**/*", self.route)

    def route(self, route):
        if is_local(route.request.url, self.allowed_origin):
            route.continue_()
        else:
            self.requests.append(route.request.url)
            route.abort()


class Watch(OffHost):
    """What a page did that it should not: console errors, exceptions, off-host requests."""

    def __init__(self, page, allowed_origin):
        super().__init__(page.context, allowed_origin)
        self.errors = []
        page.on("console", lambda message: message.type == "error" and self.errors.append(
            f"console: {message.text} ({page.url})"))
        page.on("pageerror", lambda error: self.errors.append(f"exception: {error} ({page.url})"))


def watched_page(browser, base_url, **context_options):
    """A new context and page that may load from base_url's origin only, and its Watch."""
    page = browser.new_context(**context_options).new_page()
    return page, Watch(page, origin(base_url))


def isolated_context(browser, loopback=False, **options):
    """A context whose requests go nowhere; with `loopback`, 127.0.0.1 (and only it) is reachable."""
    proxy = {"server": f"http://{LOOPBACK}:{free_port()}"}
    if loopback:  # Playwright sends even 127.0.0.1 through the proxy unless it is bypassed
        proxy["bypass"] = LOOPBACK
    context = browser.new_context(proxy=proxy, service_workers="block", **options)
    context.set_default_timeout(10_000)
    off_host = OffHost(context)
    if loopback:
        context.route(lambda url: urlsplit(url).hostname == LOOPBACK, lambda route: route.continue_())
    return context, off_host


class Requests:
    """Every request a page makes (redirects included) and the ones that never got an answer."""

    def __init__(self, page):
        self.urls, self.failed = [], []
        page.on("request", lambda request: self.urls.append(request.url))
        page.on("requestfailed", lambda request: self.failed.append(request.url))

    def clear(self):
        self.urls.clear()
        self.failed.clear()


class _Quiet(WSGIRequestHandler):
    def log_request(self, *args):
        pass


@contextlib.contextmanager
def live_server(app):
    """`app` under Werkzeug's server on a free 127.0.0.1 port, in a thread; yields its origin."""
    with in_a_thread(make_server(LOOPBACK, 0, app, threaded=True, request_handler=_Quiet)) as port:
        yield f"http://{LOOPBACK}:{port}"


def serve(page, app, host="app.test"):
    """Answer http://<host>/... from `app`, with the browser's method, headers, cookies and body.

    Returns the list of (method, path) requests that reached the app."""
    client = app.test_client(use_cookies=False)  # the browser keeps the cookies
    seen = []

    def handle(route):
        request = route.request
        path = request.url.removeprefix(f"http://{host}")
        seen.append((request.method, urlsplit(path).path))
        headers = {k: v for k, v in request.all_headers().items() if not k.startswith(":")}
        response = client.open(path, method=request.method, headers=headers,
                               data=request.post_data_buffer)
        merged = {}  # Playwright takes repeated headers (several Set-Cookie) joined by "\n"
        for name, value in response.headers.items():
            merged[name] = f"{merged[name]}\n{value}" if name in merged else value
        route.fulfill(status=response.status_code, headers=merged, body=response.get_data())

    page.route(lambda url: url.startswith(f"http://{host}/"), handle)
    return seen


def whole_index(page, worker="/search-early.js", seconds=30):
    """Wait until the page's search worker (the first whose URL has `worker` in it) has indexed
    everything, not only the titles it answers from first
    (docs/assets/javascripts/workers/search-early.js): a test of ranking must see the final
    order, not the first one."""
    if page.url.startswith("file:"):
        return  # no early worker from file:// (overrides/main.html): the theme's indexes everything
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        early = [w for w in page.workers if worker in w.url]
        if early and early[0].evaluate("self.indexed") == "all":
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"the search worker had not indexed everything after {seconds} s")


def search(page, query):
    """Type `query` into the search box; return the link of the first result, as the whole
    index ranks it."""
    whole_index(page)
    box = page.locator("input.md-search__input")
    results = page.locator(".md-search-result__item a.md-search-result__link")
    box.click()
    box.fill("")
    box.press("Backspace")  # the theme reads the box on keyup, so type as a reader does
    expect(results).to_have_count(0)  # no stale results from the query before
    box.fill(query[:-1])  # no keyup yet: results for a half-typed prefix would race the full one
    box.press(query[-1])
    results.first.wait_for()
    return results.first.get_attribute("href")


# Playwright context options: a desktop window tall enough to show a whole quiz or study deck,
# and the phone Lighthouse's mobile run emulates (its screenEmulation).
TALL = {"viewport": {"width": 1280, "height": 2400}}
LIGHTHOUSE_PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75,
                    "is_mobile": True, "has_touch": True}


def layout_shift(page):
    """Every layout shift of the page so far, summed: stricter than CLS, which takes the worst
    window of shifts and leaves out those that follow input. Chromium takes the emulated phone's
    first resize for input and flags the shifts of the first half second, which Lighthouse still
    counts, and so does this; call it before any click or key press."""
    return page.evaluate("""() => new Promise(resolve => {
      let total = 0;
      new PerformanceObserver(list => {
        for (const entry of list.getEntries()) total += entry.value;
      }).observe({type: "layout-shift", buffered: true});
      setTimeout(() => resolve(total), 1500);
    })""")
