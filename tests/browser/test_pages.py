"""Every page as a reader's browser gets it: status 200, no console error, no request to another
host, and no serious or critical accessibility violation found by axe-core.

The pages are split between two browser tabs that work at the same time (the axe run is most of
the cost), in Playwright's async API on a thread of its own so it cannot meet the sync fixtures.
"""

import asyncio
import concurrent.futures
from pathlib import Path

import axe_playwright_python
import pytest
from playwright.async_api import async_playwright

from tests.browser_tools import is_local, launch_options, origin
from tests.servers import program

AXE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
SERIOUS = {"serious", "critical"}
TABS = 2
# The pages are audited in this many tests, each well inside the per-test timeout on a slow
# machine (all 173 pages in one test took over 300 s on one).
SHARES = 6


def page_paths(site):
    """Every page of the built site as a path under site_url, 404.html aside."""
    return [html.relative_to(site).as_posix().removesuffix("index.html")
            for html in sorted(site.rglob("*.html")) if html.name != "404.html"]


async def audit(browser, site_url, paths, scheme, problems):
    context = await browser.new_context(color_scheme=scheme)
    allowed = origin(site_url)

    async def only_local(route):
        if is_local(route.request.url, allowed):
            await route.continue_()
        else:
            problems.append(f"request to another host: {route.request.url}")
            await route.abort()

    await context.route("**/*", only_local)
    page = await context.new_page()
    page.on("console", lambda m: m.type == "error" and problems.append(f"{page.url}: console: {m.text}"))
    page.on("pageerror", lambda error: problems.append(f"{page.url}: exception: {error}"))
    for path in paths:
        response = await page.goto(site_url + path)
        if response.status != 200:
            problems.append(f"{path}: status {response.status}")
        await page.evaluate(AXE)
        result = await page.evaluate("axe.run({resultTypes: ['violations']})")
        for violation in result["violations"]:
            if violation["impact"] in SERIOUS:
                where = [node["target"] for node in violation["nodes"][:3]]
                problems.append(f"{path} ({scheme}): {violation['impact']} {violation['id']}: "
                                f"{violation['help']} at {where}")
    await context.close()


async def audit_site(site_url, paths, scheme):
    problems = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(**launch_options())
        await asyncio.gather(*(audit(browser, site_url, paths[tab::TABS], scheme, problems)
                               for tab in range(TABS)))
        await browser.close()
    return problems


def run_audit(site_url, paths, scheme):
    program("chromium")  # fail here, in the test's thread, if it is missing
    with concurrent.futures.ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, audit_site(site_url, paths, scheme)).result()


@pytest.mark.parametrize("share", range(SHARES))
def test_every_page_loads_cleanly_and_passes_axe(site_url, site, share):
    paths = page_paths(site)
    assert len(paths) > 50
    problems = run_audit(site_url, paths[share::SHARES], "light")
    assert not problems, "\n".join(problems)


def test_chapter_pages_pass_axe_in_the_dark_theme_too(site_url, site):
    # The palette follows the system ("auto"), so a dark system shows the slate scheme.
    paths = [""] + [path for path in page_paths(site) if path.count("/") == 1]
    assert len(paths) >= 8
    problems = run_audit(site_url, paths, "dark")
    assert not problems, "\n".join(problems)
