"""A real Chromium for the attacks that only a browser can judge (CSP, SameSite, URL parsing).

The browser comes from tests/browser's `chromium()`: Debian's Chromium (a missing one fails
with the install command), one per test module, closed when the module ends: while
Playwright's sync API is open its event loop counts as running in this thread, and asgiref
(async views, in other chapters' tests) refuses to start there.

No server starts and no request leaves the machine. `serve(page, app, host)` answers
http://<host>/... from the Flask test client through Playwright's request routing. Every
context has a catch-all route that aborts any request no `serve` answers (the test then
fails, naming it), and a proxy on a closed loopback port, so that even traffic routing does
not see goes nowhere.

Where a real server matters (what Werkzeug's serving code puts on the wire, a browser following
real redirects), `live_server(app)` runs the app under Werkzeug's own server on 127.0.0.1 in a
thread, and `isolated_context(browser, loopback=True)` lets the browser reach 127.0.0.1 and only
127.0.0.1: Playwright's request routing does not see the requests a redirect leads to, so for
those the dead proxy is what stops them, and `Requests` records them.
"""

import contextlib
from urllib.parse import urlsplit

import pytest
from werkzeug.serving import WSGIRequestHandler, make_server

from tests.browser.conftest import chromium
from tests.servers import LOOPBACK, free_port, in_a_thread


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


class OffHost:
    """Aborts and remembers every request that no `serve` route answered."""

    def __init__(self, context):
        self.requests = []
        context.route("**/*", self.abort)

    def abort(self, route):
        self.requests.append(route.request.url)
        route.abort()


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


@pytest.fixture
def page(browser):
    """A fresh context (own cookies) and page per test."""
    context, off_host = isolated_context(browser)
    yield context.new_page()
    context.close()
    assert not off_host.requests, f"requests no route answered (blocked): {off_host.requests}"


@pytest.fixture(scope="module")
def url_parser(browser):
    """A blank page whose only job is `new URL(...)`: Chromium's own URL parser."""
    context, off_host = isolated_context(browser)
    yield context.new_page()
    context.close()
    assert not off_host.requests, f"requests no route answered (blocked): {off_host.requests}"


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
