"""Fixtures for the built site in a real browser (tests/browser_tools.py has the tools).

  site_url  the built site served on 127.0.0.1 under the same path as the hosted site
            (/flask-field-guide/), with 404.html answering unknown paths with status 404
  browser   one headless Chromium per test module. Not per session: while Playwright's sync API
            is open, its event loop counts as running in this thread, and asgiref (Flask's async
            views) refuses to start there, so it must be closed before other chapters' tests run.
  page      a fresh browser context and page per test; when the test ends it fails on any
            console error, uncaught exception or request to another host (those are blocked)
  visit     page.goto(path) relative to site_url, asserting status 200
"""

import os
from pathlib import Path

import pytest

from tests.browser_tools import chromium, serving, watched_page


@pytest.fixture(scope="session")
def site_url(site):
    with serving(site) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


@pytest.fixture
def page(browser, site_url):
    page, watch = watched_page(browser, site_url)
    page.set_default_timeout(10_000)
    yield page
    page.context.close()
    assert not watch.requests, f"requests to other hosts (blocked): {watch.requests}"
    assert not watch.errors, "\n".join(watch.errors)


@pytest.fixture
def visit(page, site_url):
    def go(path=""):
        response = page.goto(site_url + path)
        assert response.status == 200, f"{path}: status {response.status}"
        return response
    return go


@pytest.fixture(scope="session")
def screenshots():
    """Where review screenshots go: screenshots/ at the top of the repository (not committed)."""
    folder = Path(os.environ.get("FFG_SCREENSHOTS", Path(__file__).resolve().parents[2] / "screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder
