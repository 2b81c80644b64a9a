import http.client
import itertools
from urllib.parse import quote, urlsplit

import pytest
import werkzeug.urls
from playwright.sync_api import Error

from snippets.security import redirects, redirects_unsafe
from tests.browser_tools import Requests, isolated_context, live_server

ESCAPES = ["//evil.example", "https://evil.example", "/\t/evil.example", "https:evil.example"]
ALL_PAYLOADS = ESCAPES + ["/\\evil.example", "javascript:alert(1)", " //evil.example", "evil.example",
                          "////evil.example", "///evil.example"]


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
    ("////evil.example", "//evil.example"),
])
def test_naive_redirect_leaves_the_site(url_parser, payload, sent):
    # The table on docs/security/open-redirects.md, row by row.
    assert location(redirects_unsafe.app, "/login/naive", payload) == sent
    assert browser_goes_to(url_parser, sent) == "evil.example"


@pytest.mark.parametrize("payload", ["//evil.example", "/\t/evil.example", "////evil.example"])
def test_startswith_check_is_bypassed(url_parser, payload):
    sent = location(redirects_unsafe.app, "/login/startswith", payload)
    assert sent == "//evil.example"  # Werkzeug drops the tab and one pair of slashes
    assert browser_goes_to(url_parser, sent) == "evil.example"


def test_backslash_is_percent_encoded_in_location_but_not_in_an_href(url_parser):
    assert location(redirects_unsafe.app, "/login/naive", "/\\evil.example") == "/%5Cevil.example"
    assert browser_goes_to(url_parser, "/%5Cevil.example") == "app.test"
    assert browser_goes_to(url_parser, "/\\evil.example") == "evil.example"  # <a href="{{ next }}">


def test_three_slashes_collapse_in_location_but_not_in_an_href(url_parser):
    assert location(redirects_unsafe.app, "/login/naive", "///evil.example") == "/evil.example"
    assert browser_goes_to(url_parser, "/evil.example") == "app.test"
    assert browser_goes_to(url_parser, "///evil.example") == "evil.example"


def old_safe_next(target, fallback="/"):
    """The validator this page used to show: one leading "/" was never actually enforced."""
    if not target or any(ch == "\\" or ord(ch) <= 0x20 or ord(ch) == 0x7F for ch in target):
        return fallback
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/"):
        return fallback
    return target


@pytest.mark.parametrize("payload", ["////evil.example", "///evil.example"])
def test_the_old_validator_let_four_and_three_slashes_through(url_parser, payload):
    assert old_safe_next(payload) == payload
    assert browser_goes_to(url_parser, payload) == "evil.example"  # as an href
    assert redirects.safe_next(payload) == "/"


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


# ---------------------------------------------------------------------------------------------
# The corpus: every off-site form we know of, against the real server and a real browser.
# ---------------------------------------------------------------------------------------------

HOST = "evil.example"
CONTROLS = ["\t", "\n", "\r", "\r\n", "\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", " "]
SCHEMES = ["http", "https", "HTTPS", "hTtP", "ftp", "ws", "file", "javascript", "data", "vbscript"]
SEPARATORS = [":", ":/", "://", ":///", ":////", ":\\", ":\\\\", ":/\\", ":\\/", ":\t//", ": //"]


def _corpus():
    # Slashes and backslashes, one to four, in every order: "/\\", "\\/", "//\\", ...
    yield from ("".join(p) + HOST for n in range(1, 5) for p in itertools.product("/\\", repeat=n))
    # A control character or space before, between or after the slashes.
    for c in CONTROLS:
        yield from (f"{c}//{HOST}", f"/{c}/{HOST}", f"//{c}{HOST}", f"/{c}\\{HOST}",
                    f"\\{c}/{HOST}", f"{c}{c}//{HOST}", f"/{c}{c}/{HOST}", f"{c}https://{HOST}")
    # Percent-encoded and Unicode look-alike slashes, dots and backslashes.
    for e in ["%2F", "%2f", "%5C", "%5c", "%252F", "%09", "%0A", "%0D", "%00",
              "\uff0f", "\uff3c", "\u2215", "\u2044", "\u29f8", "\u2216", "\ufe68"]:
        yield from (f"/{e}{HOST}", f"{e}{e}{HOST}", f"/{e}/{HOST}", f"/{e}{e}{HOST}", f"//{e}{HOST}")
    yield from ("//evil\u3002example", "//evil\uff0eexample", "https://evil\u3002example")
    # Userinfo: the part before "@" is not the host.
    yield from (f"//127.0.0.1@{HOST}", f"https://127.0.0.1@{HOST}", f"http://127.0.0.1:80@{HOST}",
                f"//user:pass@{HOST}/", f"//@{HOST}", f"/\\127.0.0.1@{HOST}", f"\\\\127.0.0.1@{HOST}",
                f"https:127.0.0.1@{HOST}", f"//127.0.0.1%40{HOST}", f"//127.0.0.1\t@{HOST}")
    # Schemes, with and without slashes, in any case.
    yield from (s + sep + HOST for s in SCHEMES for sep in SEPARATORS)
    yield from ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)",
                "java\nscript:alert(1)", " javascript:alert(1)", "javascript://%0aalert(1)",
                "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)")
    # Leading spaces and the other characters browsers strip from the front of a URL.
    for lead in [" ", "   ", "\t", "\n", "\x00", "\x1f", "\u00a0", "\u3000", "\ufeff", "\u200b"]:
        yield from (f"{lead}//{HOST}", f"{lead}https://{HOST}", f"{lead}/\\{HOST}", f"{lead}\\\\{HOST}")
    # Hosts and ports written other ways.
    yield from (f"//{HOST}:80", f"//{HOST}/", f"//{HOST}?x", f"//{HOST}#x", f"//{HOST.upper()}",
                "//localhost/", "//127.0.0.1:1/", "//[::1]/", "//2130706433/", "//0x7f.1/", HOST,
                f"{HOST}/login", f".//{HOST}", f"/.//{HOST}", f"/..//{HOST}", f"%2F%2F{HOST}")


CORPUS = list(dict.fromkeys(_corpus()))
# Paths that merely look like a second slash: they are local paths, and the browser treats them
# as such (checked below), so the validator may let them through.
LOCAL_LOOKALIKES = {p for p in CORPUS if p.startswith("/") and p[1:2] not in "/\\"
                    and not any(ch in p for ch in "\\\t\n\r\x00 ") and not any(
                        ord(ch) < 0x20 or ord(ch) == 0x7F for ch in p)}
SAFE_PATHS = ["/", "/orders?page=2", "/account/settings#email", "/%2F%2Fx", "/a//b",
              "/search?q=a/b&next=//x", "/caf\u00e9", "/reports/2026/12", "/orders?next=https://x",
              "/\uff0fevil.example"]  # a full-width slash: the path /%EF%BC%8Fevil.example


def test_the_corpus_is_large_and_holds_the_reviewed_payloads():
    assert (len(CORPUS), len(SCHEMES), len(SEPARATORS)) == (390, 10, 11)  # as the page says
    assert {"////evil.example", "///evil.example", "/\\evil.example", "\\/evil.example",
            "/\t/evil.example", " //evil.example", "https:evil.example"} <= set(CORPUS)
    assert "/%2F/evil.example" in LOCAL_LOOKALIKES and "/\uff0fevil.example" in LOCAL_LOOKALIKES


def test_the_corpus_catches_the_old_validator():
    let_through, crashed = [], []
    for payload in CORPUS:
        try:
            if payload not in LOCAL_LOOKALIKES and old_safe_next(payload) != "/":
                let_through.append(payload)
        except ValueError:  # urlsplit checks a non-ASCII host after NFKC: a 500 for the user
            crashed.append(payload)
    assert let_through == ["///evil.example", "////evil.example"]
    assert crashed == ["//\uff0fevil.example"]


@pytest.mark.parametrize("payload", [p for p in CORPUS if p not in LOCAL_LOOKALIKES])
def test_safe_next_rejects_every_off_site_form(payload):
    assert redirects.safe_next(payload) == "/"


@pytest.fixture(scope="module")
def origin():
    with live_server(redirects.app) as url:
        yield url


@pytest.fixture(scope="module")
def loopback_page(browser):
    context, off_host = isolated_context(browser, loopback=True)
    page = context.new_page()
    yield page, Requests(page)
    context.close()
    assert not off_host.requests, f"requests that left 127.0.0.1 (blocked): {off_host.requests}"


def location_on_the_wire(origin, payload):
    """The raw Location header of GET /login?next=<payload>, from the real server."""
    address = urlsplit(origin)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    try:
        connection.request("GET", "/login?next=" + quote(payload, safe=""))
        response = connection.getresponse()
        response.read()
        return response.status, response.getheader("Location")
    finally:
        connection.close()


def follow_in_chromium(loopback_page, origin, payload):
    """Open /login?next=<payload> and let Chromium follow the redirect; where did it go?"""
    page, requests = loopback_page
    requests.clear()
    try:
        page.goto(f"{origin}/login?next={quote(payload, safe='')}")
    except Error:
        pass  # an off-host redirect dies at the dead proxy; the asserts below name it
    return page, requests


@pytest.mark.parametrize("payload", CORPUS)
def test_real_server_and_chromium_stay_on_127_0_0_1(loopback_page, origin, payload):
    status, sent = location_on_the_wire(origin, payload)
    assert status == 302
    page, requests = follow_in_chromium(loopback_page, origin, payload)
    assert all(url.startswith(origin + "/") for url in requests.urls), requests.urls
    assert not requests.failed, requests.failed
    assert page.url.startswith(origin + "/")
    if payload not in LOCAL_LOOKALIKES:
        assert sent == "/" and page.url == origin + "/"
    # The value the validator hands on, used as a link in a template, stays here too.
    href = redirects.safe_next(payload)
    assert page.evaluate("v => new URL(v, location.href).origin", href) == origin


@pytest.mark.parametrize("target", SAFE_PATHS)
def test_real_server_and_chromium_keep_safe_paths(loopback_page, origin, target):
    assert redirects.safe_next(target) == target
    status, sent = location_on_the_wire(origin, target)
    assert (status, sent) == (302, werkzeug.urls.iri_to_uri(target))
    page, requests = follow_in_chromium(loopback_page, origin, target)
    assert page.url == origin + werkzeug.urls.iri_to_uri(target)
    assert not requests.failed


@pytest.mark.parametrize("payload", ESCAPES + ["////evil.example", " //evil.example",
                                               "\x00//evil.example", "//evil\u3002example",
                                               "https://127.0.0.1@evil.example"])
def test_the_same_harness_catches_the_naive_view_leaving(browser, payload):
    # The corpus test above would see an escape: the naive view, same server, same browser.
    context, off_host = isolated_context(browser, loopback=True)
    page = context.new_page()
    requests = Requests(page)
    try:
        with live_server(redirects_unsafe.app) as naive:
            with pytest.raises(Error, match="ERR_PROXY_CONNECTION_FAILED"):
                page.goto(f"{naive}/login/naive?next={quote(payload, safe='')}")
        assert [urlsplit(url).hostname for url in requests.failed] == ["evil.example"]
    finally:
        context.close()
