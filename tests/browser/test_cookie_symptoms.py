"""The cookie entries of docs/troubleshooting/sessions-and-cookies.md, reproduced where they
happen: in Chromium, which decides whether to store a cookie.

The apps (snippets/troubleshooting/sessions_and_cookies.py, `create_app`) run under Werkzeug's
real server on 127.0.0.1. Chromium is started with one extra rule, `MAP shop.test 127.0.0.1`,
so the same server is also reachable under a name that is not loopback: to Chromium,
http://127.0.0.1 and http://localhost are trustworthy origins, http://shop.test is plain HTTP
like a staging server. The page fetches, as a script would; DevTools' protocol reports each
Set-Cookie header and, for a cookie Chromium refused, why (the reason DevTools' Network panel
shows in words). The troubleshooting page shows those reports from transcript files, with the
random port and the signed value replaced by names; this test checks each file is what
Chromium does now (FFG_RECORD=1 rewrites them when a change is meant).
"""

import os
import re
import textwrap
import uuid
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from snippets.troubleshooting import sessions_and_cookies as cookies
from tests.browser_tools import OffHost, launch_options, live_server

SNIPPETS = Path(cookies.__file__).parent
STAGING = "shop.test"  # resolved to 127.0.0.1 by Chromium alone; nothing leaves the machine


@pytest.fixture(scope="module")
def browser():
    """Chromium as everywhere else in tests/browser, plus the one host rule."""
    options = launch_options()
    options["args"] = [*options["args"], f"--host-resolver-rules=MAP {STAGING} 127.0.0.1"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**options)
        yield browser
        browser.close()


class CookieLog:
    """A page on `origin`, and every Set-Cookie Chromium saw, with its verdict."""

    def __init__(self, browser, origin):
        self.origin, self.lines = origin, []
        self.context = browser.new_context()
        self.off_host = OffHost(self.context, origin + "/")
        self.page = self.context.new_page()
        self.page.set_default_timeout(10_000)
        devtools = self.context.new_cdp_session(self.page)
        devtools.send("Network.enable")
        devtools.on("Network.responseReceivedExtraInfo", self.saw)
        self.page.goto(origin + "/")

    def saw(self, event):
        blocked = {c["cookieLine"]: c["blockedReasons"] for c in event.get("blockedCookies", [])}
        for name, value in event["headers"].items():
            if name.lower() != "set-cookie":
                continue
            for line in value.split("\n"):
                verdict = (f"blocked: {', '.join(blocked[line])}" if line in blocked
                           else "stored")
                self.lines.append((line, verdict))

    def fetch(self, path, method="GET"):
        return self.page.evaluate(
            "async ([path, method]) => (await fetch(path, {method})).text()", [path, method])

    def stored(self):
        return {c["name"]: len(c["value"]) for c in self.context.cookies()}

    def close(self):
        self.context.close()
        assert not self.off_host.requests, self.off_host.requests


def shown(line, port):
    line = re.sub(r"session=[^;]+", "session=<signed value>", line).replace(f":{port}", ":<port>")
    return textwrap.fill(line, 78, subsequent_indent="    ", break_long_words=False,
                         break_on_hyphens=False)


def login_transcript(browser, app, hosts):
    out = []
    with live_server(app) as origin:
        port = origin.rsplit(":", 1)[1]
        for host in hosts:
            log = CookieLog(browser, f"http://{host}:{port}")
            log.fetch("/login", "POST")
            whoami = log.fetch("/whoami")
            log.close()
            out.append(f"fetch('/login', {{method: 'POST'}}) on http://{host}:{port}")
            for line, verdict in log.lines:
                out += [f"  Set-Cookie: {line}", f"  Chromium: {verdict}"]
            out.append(f"fetch('/whoami') -> {whoami}")
    return "\n".join(shown(line, port) for line in out)


def too_large_transcript(browser):
    with live_server(cookies.create_app()) as origin:
        port = origin.rsplit(":", 1)[1]
        log = CookieLog(browser, origin)
        for number in range(200):
            log.fetch(f"/viewed/{uuid.uuid5(uuid.NAMESPACE_URL, str(number))}", "POST")
        kept, log_lines = log.stored(), log.lines
        log.close()
    verdicts = [verdict for _, verdict in log_lines]
    first_blocked = verdicts.index(next(v for v in verdicts if v.startswith("blocked")))
    sizes = [len(line.split(";")[0]) for line, _ in log_lines]
    out = [f"200 x fetch('/viewed/<id>', {{method: 'POST'}}) on http://127.0.0.1:{port}",
           f"  Set-Cookie {first_blocked}: {sizes[first_blocked - 1]} bytes, Chromium: "
           f"{verdicts[first_blocked - 1]}",
           f"  Set-Cookie {first_blocked + 1}: {sizes[first_blocked]} bytes, Chromium: "
           f"{verdicts[first_blocked]}",
           f"  blocked from then on: {verdicts[first_blocked:].count(verdicts[first_blocked])}"
           f" of {len(verdicts) - first_blocked}",
           f"the session cookie Chromium kept: {kept['session']} bytes"]
    return "\n".join(shown(line, port) for line in out)


CASES = {  # transcript file -> how to produce it
    "cookie_samesite_none.txt": lambda browser: login_transcript(
        browser, cookies.create_app(SESSION_COOKIE_SAMESITE="None"), ["127.0.0.1"]),
    "cookie_secure_over_http.txt": lambda browser: login_transcript(
        browser, cookies.create_app(SESSION_COOKIE_SECURE=True), ["127.0.0.1", STAGING]),
    "cookie_too_large.txt": too_large_transcript,
}


# Werkzeug warns about the too-large cookie in the server's thread (tests/troubleshooting checks
# the warning itself); as an error it would turn the response into a 500.
@pytest.mark.filterwarnings("ignore:The 'session' cookie is too large:UserWarning")
@pytest.mark.parametrize("name", CASES)
def test_chromium_does_what_the_transcript_shows(browser, name):
    transcript = CASES[name](browser)
    recorded = SNIPPETS / name
    if os.environ.get("FFG_RECORD"):
        recorded.write_text(transcript + "\n")
    assert transcript == recorded.read_text().rstrip("\n"), (
        f"Chromium's verdict changed for {name}: check it, then rerun with FFG_RECORD=1")


def test_the_fixes_are_stored(browser):
    """SameSite=None with Secure is stored on a trustworthy origin; a Secure cookie stays
    unusable over plain HTTP, which is why staging needs HTTPS, not a weaker cookie."""
    with live_server(cookies.create_app(SESSION_COOKIE_SAMESITE="None",
                                        SESSION_COOKIE_SECURE=True)) as origin:
        log = CookieLog(browser, origin)
        log.fetch("/login", "POST")
        assert log.fetch("/whoami") == "ada"
        assert [verdict for _, verdict in log.lines] == ["stored"]
        log.close()
