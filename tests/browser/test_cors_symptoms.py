"""The CORS entries of docs/troubleshooting/extensions.md, reproduced where they happen: in Chromium.

The page (snippets/troubleshooting/extensions_symptoms.py, `page_app`) and the API (`api_app`) run
under Werkzeug's real server on two ports of 127.0.0.1, two origins; responses Playwright fulfils
itself would skip Chromium's CORS check. The page fetches the API and Chromium writes its verdict
to the console. The troubleshooting page shows those console lines from transcript files, with the
two random ports replaced by names and long lines wrapped at spaces; this test checks each file is what Chromium says now
(FFG_RECORD=1 rewrites them when a change is meant).
"""

import os
import textwrap
from pathlib import Path

import pytest

from snippets.troubleshooting import extensions_symptoms as ext
from tests.browser_tools import isolated_context, live_server

SNIPPETS = Path(ext.__file__).parent
CASES = {  # transcript file -> (API path, fetch credentials mode, what the script ends with)
    "cors_no_allow_origin.txt": ("/private/count", "same-origin", "blocked"),
    "cors_wildcard_with_credentials.txt": ("/star/count", "include", "blocked"),
    "cors_credentials_not_allowed.txt": ("/public/count", "include", "blocked"),
    "cors_allowed.txt": ("/public/count", "same-origin", "read 3"),
}


@pytest.fixture
def two_origins(browser):
    context, off_host = isolated_context(browser, loopback=True)
    with live_server(ext.page_app) as page_origin, live_server(ext.api_app) as api_origin:
        yield context.new_page(), page_origin, api_origin
    context.close()
    assert not off_host.requests, off_host.requests


def console_after_fetch(two_origins, path, mode):
    page, page_origin, api_origin = two_origins
    lines = []
    page.on("console", lambda message: lines.append(f"[{message.type}] {message.text}"))
    page.goto(f"{page_origin}/#{api_origin}{path}!{mode}")
    page.wait_for_function("document.title !== 'waiting'")
    title = page.title()
    named = [line.replace(api_origin, "http://127.0.0.1:<api-port>")
                 .replace(page_origin, "http://127.0.0.1:<page-port>") for line in lines]
    shown = [f"fetch('{path}', {{credentials: '{mode}'}})", *named, f"the script: {title}"]
    return title, "\n".join(wrapped(line) for line in shown)


def wrapped(line):
    """A console line wrapped at word boundaries to fit a code block (80 characters)."""
    return textwrap.fill(line, 78, subsequent_indent="    ", break_long_words=False,
                         break_on_hyphens=False)


@pytest.mark.parametrize("name", CASES)
def test_chromium_says_what_the_transcript_shows(two_origins, name):
    path, mode, outcome = CASES[name]
    title, transcript = console_after_fetch(two_origins, path, mode)
    assert title == outcome
    recorded = SNIPPETS / name
    if os.environ.get("FFG_RECORD"):
        recorded.write_text(transcript + "\n")
    assert transcript == recorded.read_text().rstrip("\n"), (
        f"Chromium's console changed for {name}: check it, then rerun with FFG_RECORD=1")
