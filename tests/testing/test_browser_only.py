"""What the test client cannot check, each shown twice: the test client's view, then Chromium's.

Chromium comes from tests/browser's `chromium()`; pages are answered from the Flask test client
through Playwright's routing (tests/security/conftest.py's `serve`), every other request is
aborted, and nothing leaves the machine.
"""

import pytest
from playwright.sync_api import Error

from snippets.testing.browser_only import api, app
from tests.browser_tools import Requests, chromium, isolated_context, live_server, serve


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


@pytest.fixture
def page(browser):
    context, off_host = isolated_context(browser)
    page = context.new_page()
    serve(page, app, "app.test")
    serve(page, api, "api.test")
    yield page
    context.close()
    assert not off_host.requests, f"requests no route answered (blocked): {off_host.requests}"


# Cookie attributes
def test_the_client_sends_a_secure_cookie_back_over_plain_http():
    client = app.test_client()
    client.get("/login")
    assert client.get("/whoami").json == {"sid": "s3cr3t"}


def test_in_a_browser_a_secure_cookie_set_over_http_is_dropped(page):
    page.goto("http://app.test/login")
    assert page.context.cookies() == []
    page.goto("http://app.test/whoami")
    assert page.text_content("body").strip() == '{"sid":null}'


# CORS
def test_the_client_reads_any_response_cors_or_not():
    response = api.test_client().get("/private", headers={"Origin": "http://app.test"})
    assert (response.status_code, response.json) == (200, {"balance": 100})
    assert "Access-Control-Allow-Origin" not in response.headers


@pytest.fixture
def two_origins(browser, monkeypatch):
    """The page and the API under Werkzeug's real server, on two ports of 127.0.0.1: two
    origins. (Responses that Playwright fulfils itself skip Chromium's CORS check.)"""
    context, off_host = isolated_context(browser, loopback=True)
    with live_server(app) as app_origin, live_server(api) as api_origin:
        monkeypatch.setitem(api.config, "APP_ORIGIN", app_origin)
        yield context.new_page(), app_origin, api_origin
    context.close()
    assert not off_host.requests, off_host.requests


def read_across_origins(two_origins, path):
    page, app_origin, api_origin = two_origins
    page.goto(f"{app_origin}/cors#{api_origin}{path}")
    page.wait_for_function("document.title !== 'waiting'")
    return page.title()


def test_in_a_browser_another_origin_cannot_read_without_cors(two_origins):
    assert read_across_origins(two_origins, "/private") == "blocked"  # sent, but withheld


def test_in_a_browser_cors_for_this_origin_makes_it_readable(two_origins):
    assert read_across_origins(two_origins, "/shared") == "read: 100"


# CSP
def test_the_client_sees_the_policy_and_the_script_but_not_the_verdict():
    response = app.test_client().get("/csp")
    assert response.headers["Content-Security-Policy"] == "script-src 'self'"
    assert "<script>document.title = 'inline ran'</script>" in response.text


def test_in_a_browser_the_policy_blocks_the_inline_script(page):
    violations = []
    page.on("console", lambda message: violations.append(message.text))
    page.goto("http://app.test/csp")
    assert page.title() == "safe"
    assert any("Content Security Policy" in text for text in violations)


# Where a redirect lands
def test_the_client_follows_an_off_site_redirect_into_your_own_app():
    response = app.test_client().get("/next", query_string={"next": "http:evil.test"},
                                     follow_redirects=True)
    assert response.history[0].headers["Location"] == "http:///evil.test"
    assert (response.status_code, response.text) == (200, "a page of this app: /evil.test")


def test_in_a_browser_the_same_redirect_lands_on_another_host(page):
    requests = Requests(page)
    try:
        page.goto("http://app.test/next?next=http:evil.test")
    except Error:
        pass  # a redirect target bypasses routing and dies at the dead proxy; Requests saw it
    assert "http://evil.test/" in requests.urls
