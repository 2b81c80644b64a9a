"""What a reader does on the site, done in headless Chromium against the built site."""

import pytest

from tests.browser_tools import follow_instantly, search

# A query a reader types -> the chapter its first result must be in.
SEARCHES = {
    "WSGI": "foundations",
    "reloader": "foundations",
    "debug mode": "foundations",
    "converter": "routing",
    "trailing slash": "routing",
    "url_for": "routing",
    "cookies": "requests",
    "MAX_CONTENT_LENGTH": "requests",
    "jsonify": "requests",
    "autoescaping": "templates",
    "template_filter": "templates",
    "contextvars": "contexts",
    "Working outside of application context": "contexts",
    "teardown_appcontext": "lifecycle",
    "signals": "lifecycle",
    "before_first_request": "lifecycle",
    "blueprint": "structure",
    "from_prefixed_env": "structure",
    "application factory": "structure",
    "init_app": "extensions",
    "rate limiting": "extensions",
    "SQL injection": "security",
    "CSP": "security",
    "session_transaction": "testing",
    "test_cli_runner": "testing",
    "Gunicorn": "deployment",
    "ProxyFix": "deployment",
    "Celery": "scaling",
    "N+1": "scaling",
    "Flask 3.2": "contexts",
}
PHONE = {"width": 390, "height": 844}


def test_search_puts_the_expected_chapter_first(page, visit):
    visit()
    wrong = {}
    for query, chapter in SEARCHES.items():
        href = search(page, query)
        if f"/{chapter}/" not in f"/{href}":
            wrong[query] = f"expected {chapter}/, first result {href}"
    assert not wrong, wrong
    assert {*SEARCHES.values()} >= {"foundations", "routing", "requests", "templates", "contexts",
                                    "lifecycle", "structure", "extensions", "security", "testing",
                                    "deployment", "scaling"}


def test_the_chosen_theme_stays_chosen_on_the_next_page(page, visit):
    visit()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    # The toggle cycles auto -> light -> dark; click until the dark scheme is on.
    for _ in range(3):
        if page.locator("body").get_attribute("data-md-color-scheme") == "slate":
            break
        page.locator("form[data-md-component=palette] label:visible").first.click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    # The next page by instant navigation (the body stays), by a first load of it, and reloaded.
    follow_instantly(page, page.locator(".md-nav--primary .md-nav__link[href$='routing/']").first, "**/routing/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    visit("requests/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    page.reload()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"


def test_every_control_in_the_sidebar_has_a_name(page, visit):
    # axe does not see a focusable <label> with no text; a screen reader announces nothing.
    visit("routing/routes-and-methods/")
    follow_instantly(page, page.locator(".md-nav--primary .md-nav__link[href$='requests/']").first, "**/requests/")
    nameless = page.evaluate("""[...document.querySelectorAll(
        '.md-nav--primary [tabindex="0"], .md-nav--primary a[href]')].filter((el) =>
        !el.textContent.trim() && !el.getAttribute("aria-label")).map((el) => el.outerHTML)""")
    assert page.locator(".md-nav--primary label", has_text="Show or hide the pages of Requests").count() == 1
    assert nameless == []


def test_the_copy_button_copies_the_code(page, visit, site_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    visit("routing/routes-and-methods/")
    block = page.locator("div.highlight").filter(has=page.locator("button[data-md-type=copy]")).first
    block.hover()
    block.locator("button[data-md-type=copy]").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.strip() and copied.strip() == block.locator("code").inner_text().strip()


def test_content_tabs_switch(page, visit):
    visit("routing/routes-and-methods/")
    tabs = page.locator(".tabbed-set").first
    code, try_it = tabs.locator(".tabbed-labels label").nth(0), tabs.locator(".tabbed-labels label").nth(1)
    assert (code.inner_text(), try_it.inner_text()) == ("Code", "Try it")
    panels = tabs.locator(".tabbed-content > .tabbed-block")
    assert panels.nth(0).is_visible() and not panels.nth(1).is_visible()
    try_it.click()
    assert panels.nth(1).is_visible() and not panels.nth(0).is_visible()
    assert "HTTP/1.1" in panels.nth(1).inner_text()


def test_an_unknown_address_gets_the_guides_404_page(browser, site_url):
    page = browser.new_page()  # not the `page` fixture: the 404 itself is logged as a console error
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    response = page.goto(site_url + "no/such/page/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "This page is not in the guide"
    assert page.locator("a.md-header__button.md-logo").is_visible()  # styled: the theme loaded
    page.locator(".md-nav__link[href$='/routing/']").first.click()  # and its links lead back in
    page.wait_for_url("**/routing/")
    page.close()
    assert not errors


@pytest.mark.parametrize("path", ["", "routing/routes-and-methods/", "requests/sessions/",
                                  "lifecycle/request-lifecycle/", "deployment/nginx/"])
def test_nothing_scrolls_sideways_on_a_phone(browser, site_url, path):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    assert page.goto(site_url + path).status == 200
    width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    context.close()
    assert width[0] <= width[1], f"{path}: the page is {width[0]} px wide on a {width[1]} px screen"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_for_review(browser, site_url, screenshots, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    for name, path in {"home": "", "chapter": "lifecycle/request-lifecycle/"}.items():
        assert page.goto(site_url + path).status == 200
        shot = screenshots / f"{name}-{scheme}.png"
        page.screenshot(path=shot, full_page=False)
        assert shot.stat().st_size > 10_000
    context.close()
