"""The built site in a real browser: Debian's Chromium driven by Playwright, on loopback only.

Fixtures:
  site_url  the built site served on 127.0.0.1 under the same path as the hosted site
            (/flask-field-guide/), with 404.html answering unknown paths with status 404
  browser   one headless Chromium per test module. Not per session: while Playwright's sync API
            is open, its event loop counts as running in this thread, and asgiref (Flask's async
            views) refuses to start there, so it must be closed before other chapters' tests run.
  page      a fresh browser context and page per test; when the test ends it fails on any
            console error, uncaught exception or request to another host (those are blocked)
  visit     page.goto(path) relative to site_url, asserting status 200

Helpers: `chromium()` launches the browser (the security tests use it too), `new_page()` opens a
watched page on any origin (the offline zip uses file:), `search(page, query)` types a query.

Playwright's own browser download does not work here, so Chromium comes from Debian
(`tests.servers.program("chromium")` says how to install it).
"""

import contextlib
import functools
import http.server
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.servers import LOOPBACK, in_a_thread, program

PREFIX = "/flask-field-guide/"  # the path of site_url in mkdocs.yml; 404.html links to it
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
    "--disable-background-networking", "--disable-component-update",
]


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serve `directory` under PREFIX like a static host: 404.html with status 404 when missing."""

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
        return super().send_head()

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serving(directory):
    handler = functools.partial(SiteHandler, directory=str(directory))
    with in_a_thread(http.server.ThreadingHTTPServer((LOOPBACK, 0), handler)) as port:
        yield f"http://{LOOPBACK}:{port}{PREFIX}"


@pytest.fixture(scope="session")
def site_url(site):
    with serving(site) as url:
        yield url


@contextlib.contextmanager
def chromium():
    """Debian's Chromium, headless, under Playwright's sync API; closed on leaving."""
    executable = program("chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


class Watch:
    """What a page did that it should not: console errors, exceptions, off-host requests."""

    def __init__(self, page, allowed_origin):
        self.errors, self.off_host = [], []
        page.on("console", lambda message: message.type == "error" and self.errors.append(
            f"console: {message.text} ({page.url})"))
        page.on("pageerror", lambda error: self.errors.append(f"exception: {error} ({page.url})"))
        page.context.route("**/*", functools.partial(self.route, allowed_origin))

    def route(self, allowed_origin, route):
        url = route.request.url
        if url.startswith((allowed_origin, "data:", "blob:")):
            route.continue_()
        else:
            self.off_host.append(url)
            route.abort()


def origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/"


def new_page(browser, base_url, **context_options):
    context = browser.new_context(**context_options)
    page = context.new_page()
    return page, Watch(page, origin(base_url) if base_url.startswith("http") else "file:")


@pytest.fixture
def page(browser, site_url):
    page, watch = new_page(browser, site_url)
    page.set_default_timeout(10_000)
    yield page
    page.context.close()
    assert not watch.off_host, f"requests to other hosts (blocked): {watch.off_host}"
    assert not watch.errors, "\n".join(watch.errors)


@pytest.fixture
def visit(page, site_url):
    def go(path=""):
        response = page.goto(site_url + path)
        assert response.status == 200, f"{path}: status {response.status}"
        return response
    return go


def search(page, query):
    """Type `query` into the search box; return the link of the first result."""
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


@pytest.fixture(scope="session")
def screenshots():
    """Where review screenshots go: screenshots/ at the top of the repository (not committed)."""
    folder = Path(os.environ.get("FFG_SCREENSHOTS", Path(__file__).resolve().parents[2] / "screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder
