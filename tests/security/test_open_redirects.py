import pytest
import werkzeug.urls

from snippets.security import redirects, redirects_unsafe

ESCAPES = ["//evil.example", "https://evil.example", "/\t/evil.example", "https:evil.example"]
ALL_PAYLOADS = ESCAPES + ["/\\evil.example", "javascript:alert(1)", " //evil.example", "evil.example"]


def location(app, path, target):
    return app.test_client().get(path, query_string={"next": target}).headers["Location"]


def browser_goes_to(page, location, current="http://app.test/login"):
    """Resolve a Location (or href) the way Chromium does."""
    return page.evaluate("([l, base]) => new URL(l, base).host", [location, current])


@pytest.mark.parametrize("payload, sent", [
    ("https://evil.example", "https://evil.example"),
    ("//evil.example", "//evil.example"),
    ("https:evil.example", "https:///evil.example"),
    ("/\t/evil.example", "//evil.example"),
])
def test_naive_redirect_leaves_the_site(url_parser, payload, sent):
    # The table on docs/security/open-redirects.md, row by row.
    assert location(redirects_unsafe.app, "/login/naive", payload) == sent
    assert browser_goes_to(url_parser, sent) == "evil.example"


@pytest.mark.parametrize("payload", ["//evil.example", "/\t/evil.example"])
def test_startswith_check_is_bypassed(url_parser, payload):
    sent = location(redirects_unsafe.app, "/login/startswith", payload)
    assert sent == "//evil.example"  # Werkzeug drops the tab, as browsers do
    assert browser_goes_to(url_parser, sent) == "evil.example"


def test_backslash_is_percent_encoded_in_location_but_not_in_an_href(url_parser):
    assert location(redirects_unsafe.app, "/login/naive", "/\\evil.example") == "/%5Cevil.example"
    assert browser_goes_to(url_parser, "/%5Cevil.example") == "app.test"
    assert browser_goes_to(url_parser, "/\\evil.example") == "evil.example"  # <a href="{{ next }}">


@pytest.mark.parametrize("payload", ALL_PAYLOADS + ["", "/%2F%2Fevil.example"])
def test_safe_next_keeps_every_payload_on_the_site(url_parser, payload):
    sent = location(redirects.app, "/login", payload)
    assert browser_goes_to(url_parser, sent) == "app.test"


@pytest.mark.parametrize("payload", ALL_PAYLOADS)
def test_safe_next_falls_back_for_every_escape(payload):
    assert redirects.safe_next(payload) == "/"


@pytest.mark.parametrize("target", ["/orders?page=2", "/account/settings#email", "/%2F%2Fx"])
def test_safe_next_keeps_local_paths(target):
    assert redirects.safe_next(target) == target


def test_no_next_goes_home():
    assert redirects.app.test_client().get("/login").headers["Location"] == "/"


def test_werkzeug_url_parse_is_gone():
    # Deprecated in Werkzeug 2.3.0 with the rest of werkzeug.urls, removed in 3.0.0.
    assert not hasattr(werkzeug.urls, "url_parse")


def test_startswith_check_does_stop_absolute_urls():
    assert location(redirects_unsafe.app, "/login/startswith", "https://evil.example") == "/"
