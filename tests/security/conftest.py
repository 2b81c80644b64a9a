"""Fixtures for the attacks that only a browser can judge (CSP, SameSite, URL parsing).

The tools are in tests/browser_tools.py: `chromium()` (Debian's Chromium; a missing one fails
with the install command), `isolated_context`, `serve`, `live_server`, `Requests`.

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

`browser` is one per test module, closed when the module ends: while Playwright's sync API is
open its event loop counts as running in this thread, and asgiref (async views, in other
chapters' tests) refuses to start there.
"""

import pytest

from tests.browser_tools import chromium, isolated_context


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


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
