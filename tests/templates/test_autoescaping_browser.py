"""`tojson` in attributes, judged by Chromium: which <div> runs the attacker's handler.

The page is the Flask response itself, loaded with `set_content`: no server, and any request the
page tried to make would be aborted and fail the test.
"""

import pytest

from snippets.templates.autoescaping.app import app
from tests.browser_tools import chromium

HOSTILE_NAME = 'x" onmouseover=alert(document.domain) x="'


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


@pytest.fixture
def page(browser):
    context = browser.new_context()
    blocked = []
    context.route("**/*", lambda route: blocked.append(route.request.url) or route.abort())
    page = context.new_page()
    page.set_default_timeout(10_000)
    html = app.test_client().get("/profile", query_string={"name": HOSTILE_NAME}).text
    page.set_content(html)
    yield page
    context.close()
    assert not blocked


def test_the_double_quoted_attribute_runs_the_attackers_script(page):
    dialogs = []
    page.on("dialog", lambda dialog: dialogs.append(dialog.message) or dialog.dismiss())
    page.dispatch_event("#double", "mouseover")
    assert len(dialogs) == 1  # alert(document.domain) ran
    assert page.get_attribute("#double", "data-user") == "{"


@pytest.mark.parametrize("element", ["single", "forced"])
def test_single_quotes_and_forceescape_hand_the_script_the_original_value(page, element):
    dialogs = []
    page.on("dialog", lambda dialog: dialogs.append(dialog.message) or dialog.dismiss())
    page.dispatch_event(f"#{element}", "mouseover")
    assert dialogs == []
    assert page.eval_on_selector(f"#{element}", "el => JSON.parse(el.dataset.user)") == {
        "name": HOSTILE_NAME}
