""""Edit and run" in Chromium: Flask 3.1.3 on Pyodide, in a Web Worker, from the site's own origin.

The first test is the promise of the tab: every runnable example, run unedited in its page, gives
what the recorder recorded (status, headers, body), compared with the record as the check does
(<varies> matches anything), Date lines aside. It visits the pages by Material's instant
navigation, so one worker (one Python) serves them all, as it does for a reader going from page
to page. The `page` fixture fails a test on any request to another host or console error.
"""

import json
import re
import sys
import time
from html.parser import HTMLParser

import pytest
from playwright.sync_api import expect

from tests.browser.test_offline import unzipped  # noqa: F401  (the offline zip, unzipped)
from tests.browser_tools import serving, watched_page
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "overrides"))
from macros import records

COLD_S = 120  # a first run on this loaded 2-core machine takes 10-30 s: Pyodide, wheels, Flask
TIMINGS = {}


class Markers(HTMLParser):
    """The runnable calls a built page carries (overrides/macros/outputs.py's markers)."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "ffg-call" in (attrs.get("class") or "").split():
            self.found.append(attrs)


def runnable_pages(site):
    pages = {}
    for path in sorted(site.rglob("index.html")):
        parser = Markers()
        parser.feed(path.read_text(encoding="utf-8"))
        if parser.found:
            pages[str(path.parent.relative_to(site)).replace("\\", "/") + "/"] = parser.found
    return pages


def open_tab(page, tab, ready=True):
    """Select the tab, opening the folds it sits in (a self-check answer; for a call outside
    content tabs, the Edit-and-run fold itself)."""
    page.evaluate("""t => {
        for (let d = t.closest('details'); d; d = d.parentElement.closest('details')) d.open = true;
        if (!t.closest('.ffg-runner__fold')) t.closest('.tabbed-set').querySelector(':scope > input[id$=_run]').click();
    }""", tab.element_handle())
    if ready:
        try:  # the tab fetches its example's JSON, then draws its form: a page action's time
            expect(tab.get_by_role("button", name="Run")).to_be_visible(timeout=30_000)
        except AssertionError as error:
            state = tab.evaluate("""t => ({shows: t.innerText.slice(0, 200), chosen: t.closest('.tabbed-set')
                ?.querySelector(':scope > input:checked')?.id ?? 'a fold'})""")
            raise AssertionError(f"no Run button; the tab shows {state['shows']!r}, "
                                 f"its set has {state['chosen']} chosen") from error


def run(page, tab, timeout_s=COLD_S):
    tab.get_by_role("button", name="Run").click()
    page.wait_for_function("t => t.dataset.state && t.dataset.state !== 'running'",
                           arg=tab.element_handle(), timeout=timeout_s * 1000)
    return tab.get_attribute("data-state")


def shown(tab):
    """{record key: [(title, text), ...]} of what the tab's outputs show; a 500's logged
    traceback, which the browser shows under the response and a record leaves out, left out."""
    return tab.evaluate("""t => Object.fromEntries([...t.querySelectorAll('.ffg-runner__output')].map(o => [
        o.dataset.record, [...o.querySelectorAll('.ffg-runner__block')].map(b => [
            b.querySelector('.filename').textContent, b.querySelector('code').textContent])
            .filter(([title]) => title !== 'Logged')]))""")


def normalised(text):
    """A block as compared: without its Date line, and with the methods of an Allow header in
    sorted order. Werkzeug builds Allow from a set, and a set of strings iterates in the order of
    their hashes, which on 32-bit WebAssembly differ from 64-bit CPython's even with the
    recorder's PYTHONHASHSEED=0: the same methods, in another order."""
    head, gap, body = text.partition("\n\n")
    lines = [line for line in head.split("\n") if not line.startswith("Date: ")]
    lines = [f"Allow: {', '.join(sorted(line[7:].split(', ')))}" if line.startswith("Allow: ") else line
             for line in lines]
    return "\n".join(lines) + gap + body


def go(page, site_url, path, markers):
    """Material's instant navigation: the page changes, runner.js and its worker stay. Done when
    the page's markers are those its HTML has, and its tabs are built."""
    page.evaluate("u => { history.pushState({}, '', u); window.location$.next(new URL(u)); }", site_url + path)
    page.wait_for_function("""keys => JSON.stringify(
        [...document.querySelectorAll('.ffg-call')].map(m => m.dataset.record)) === JSON.stringify(keys)""",
                           arg=[m["data-record"] for m in markers])
    page.wait_for_timeout(300)  # the new content's runner.js runs: the first one's scan, on it


@pytest.mark.timeout(1200)  # about 50 pages and 280 calls; one cold start, then a second or so a tab
def test_every_runnable_example_gives_in_the_browser_what_its_record_shows(browser, site, site_url):
    pages = runnable_pages(site)
    page, watch = watched_page(browser, site_url)
    page.set_default_timeout(30_000)
    missing = []
    page.on("response", lambda response: response.status >= 400 and missing.append(response.url))
    problems, compared, tabs_run, runs, untabbed = [], 0, 0, [], []
    began = time.monotonic()
    try:
        for number, (path, markers) in enumerate(pages.items()):
            if number == 0:
                page.goto(site_url + path)
            else:
                go(page, site_url, path, markers)
            tabs = page.locator("[data-runnable]")
            print(f"{time.monotonic() - began:6.1f} s  {path}: {tabs.count()} tabs", flush=True)
            # The build gives each call a tab in its set of content tabs or, outside them
            # (indent=0) or in a set that shows two examples, a fold right below it.
            calls = page.evaluate("""() => [...document.querySelectorAll('.ffg-call')].map(m => {
                const set = m.closest('.tabbed-set');
                const tab = set?.querySelector(':scope > .tabbed-content > .ffg-runner[data-runnable]');
                const fold = m.nextElementSibling?.matches('details.ffg-runner__fold') && m.nextElementSibling;
                return [m.dataset.record, tab ? 'tab' : fold ? 'fold' : 'none',
                        (tab || fold?.querySelector('[data-runnable]'))?.dataset.runnable === m.dataset.example];
            })""")
            untabbed += [record for record, where, _ in calls if where == "fold"]
            missed = [record for record, where, same in calls if where == "none" or not same]
            assert not missed, f"{path}: runnable calls without an Edit-and-run tab of their example: {missed}"
            for n in range(tabs.count()):
                tab = tabs.nth(n)
                try:
                    open_tab(page, tab)
                    state = run(page, tab)
                except AssertionError as error:
                    problems.append(f"{path} tab {n + 1}: {str(error)[:300]}")
                    continue
                runs.append(int(tab.get_attribute("data-ms")))
                tabs_run += 1
                if state != "done":
                    problems.append(f"{path} tab {n + 1}: {state}: {tab.locator('.ffg-runner__status').inner_text()}")
                    continue
                example = tab.get_attribute("data-runnable")
                stored = records.read(records.path_for(ROOT, example))
                for key, blocks in shown(tab).items():
                    compared += 1
                    want = stored.get(key)
                    if not blocks:
                        problems.append(f"{key}: the browser showed a traceback:\n"
                                        + tab.locator(f'[data-record="{key}"]').inner_text()[:1500])
                    elif want is None or len(want) != len(blocks) or not all(
                            t == title and records.matches(normalised(w), normalised(text))
                            for (t, w), (title, text) in zip(want, blocks)):
                        problems.append(f"{key}:\n  recorded: {want}\n  browser:  {blocks}")
        TIMINGS["first_run_ms"], TIMINGS["next_runs_ms"] = runs[0], sorted(runs[1:])
        TIMINGS["tabs"], TIMINGS["calls"], TIMINGS["untabbed"] = tabs_run, compared, untabbed
        print(f"\nEdit and run: {tabs_run} tabs on {len(pages)} pages, {compared} calls compared; first run "
              f"{runs[0]} ms (cold), next runs median {sorted(runs[1:])[len(runs[1:]) // 2]} ms; "
              f"{len(untabbed)} of them outside content tabs, in a fold")
    finally:
        page.context.close()
    assert not problems, f"{len(problems)} of {compared} calls differ:\n" + "\n".join(problems)
    assert compared == sum(len(m) for m in pages.values())
    assert not missing, f"not found: {missing}"
    assert not watch.requests and not watch.errors, "\n".join(watch.requests + watch.errors)


@pytest.fixture
def methods_tab(page, visit):
    """The tab of the routes-and-methods example whose GET /submit is a 405."""
    visit("routing/routes-and-methods/")
    tab = page.locator('[data-runnable="routing/methods.py"]').first
    open_tab(page, tab)
    return tab


def test_adding_a_method_to_the_route_turns_the_405_into_a_200(page, methods_tab):
    tab = methods_tab
    out = tab.locator(".ffg-runner__output").first
    tab.locator(".ffg-runner__request").first.fill("DELETE /articles")
    tab.locator(".ffg-runner__call textarea").first.fill("{}")
    assert run(page, tab) == "done"
    expect(out).to_contain_text("DELETE /articles HTTP/1.1")
    expect(out).to_contain_text("HTTP/1.1 405 METHOD NOT ALLOWED")
    expect(out).to_contain_text(re.compile(r"Allow: .*GET"))
    source = tab.locator("textarea.ffg-runner__input").first
    code = source.input_value()
    assert code.count('@app.get("/articles")') == 1
    source.fill(code.replace('@app.get("/articles")', '@app.route("/articles", methods=["GET", "DELETE"])'))
    assert run(page, tab, timeout_s=30) == "done"
    expect(out).to_contain_text("HTTP/1.1 200 OK")
    expect(out).to_contain_text('{"articles":["routing","methods"]}')
    tab.get_by_role("button", name="Reset").click()
    assert source.input_value() == code
    assert tab.locator(".ffg-runner__request").first.input_value() == "POST /submit"


def test_an_endless_loop_is_stopped_with_a_message_and_the_next_run_works(page, methods_tab):
    tab = methods_tab
    source = tab.locator("textarea.ffg-runner__input").first
    code = source.input_value()
    assert run(page, tab) == "done"  # Python is loaded: the limit counts the example's time only
    source.fill(code + "\n\n@app.before_request\ndef forever():\n    while True:\n        pass\n")
    started = time.monotonic()
    assert run(page, tab, timeout_s=30) == "stopped"
    assert 4.5 < time.monotonic() - started < 20
    expect(tab.locator(".ffg-runner__status")).to_contain_text("Stopped after 5 s")
    tab.get_by_role("button", name="Reset").click()
    assert source.input_value() == code
    assert run(page, tab) == "done"  # a fresh worker, a fresh Python
    expect(tab.locator(".ffg-runner__output").first).to_contain_text("HTTP/1.1 201 CREATED")


def test_a_syntax_error_shows_its_traceback(page, methods_tab):
    tab = methods_tab
    source = tab.locator("textarea.ffg-runner__input").first
    source.fill(source.input_value().replace("def submit():", "def submit(:"))
    assert run(page, tab) == "done"
    traceback = tab.locator(".ffg-runner__output").first
    expect(traceback).to_contain_text('File "snippets/routing/methods.py", line')
    expect(traceback).to_contain_text("SyntaxError")


def test_a_view_that_raises_shows_the_500_and_the_logged_traceback(page, methods_tab):
    tab = methods_tab
    source = tab.locator("textarea.ffg-runner__input").first
    source.fill(source.input_value().replace("def submit():\n", "def submit():\n    1 / 0\n", 1))
    assert run(page, tab) == "done"
    out = tab.locator(".ffg-runner__output").first
    expect(out).to_contain_text("HTTP/1.1 500 INTERNAL SERVER ERROR")
    expect(out).to_contain_text("ZeroDivisionError: division by zero")


def test_options_that_are_not_json_are_refused_before_anything_runs(page, methods_tab):
    tab = methods_tab
    tab.locator(".ffg-runner__call textarea").first.fill("{json: nope")
    tab.get_by_role("button", name="Run").click()
    expect(tab.locator(".ffg-runner__status")).to_contain_text("not JSON")
    assert tab.get_attribute("data-state") is None


def test_a_page_that_is_never_run_loads_no_python(page, visit):
    loaded = []
    page.on("request", lambda request: loaded.append(request.url))
    visit("routing/routes-and-methods/")
    tab = page.locator("[data-runnable]").first
    open_tab(page, tab)  # opening the tab fetches the example's source, nothing else
    page.wait_for_timeout(500)
    heavy = [url for url in loaded if "/vendor/pyodide/" in url or "/vendor/wheels/" in url or "runner-worker" in url]
    assert not heavy, heavy
    assert any(url.endswith("runnable/routing/methods.py.json") for url in loaded)


@pytest.mark.parametrize("arrival", ["first load", "instant navigation"])
def test_edit_and_run_opens_one_tab_and_the_underline_follows_the_chosen_tab(page, visit, site, site_url, arrival):
    """The theme links tabs by their labels' text: choosing one "Edit and run" must not open every
    other one on the page, nor be remembered for later pages; the underline follows the chosen
    tab, also when the page is resized. The build writes the tab (overrides/runner_tabs.py); on a
    first load the theme mounts the tabs after runner.js has started, after instant navigation
    before."""
    path = "routing/routes-and-methods/"
    if arrival == "first load":
        visit(path)
    else:
        visit("routing/")
        go(page, site_url, path, runnable_pages(site)[path])
    underline = """set => { const chosen = set.querySelector(':scope > input:checked');
        const label = set.querySelector(`label[for="${chosen.id}"]`), style = getComputedStyle(set.querySelector('.tabbed-labels'));
        return [[style.getPropertyValue('--md-indicator-x').trim(), style.getPropertyValue('--md-indicator-width').trim()],
                [label.offsetLeft + 'px', label.offsetWidth + 'px']] }"""
    tab = page.locator("[data-runnable]").first
    tabs = page.locator(".tabbed-set:has([data-runnable])")
    assert tabs.count() > 1
    for choice in ("Edit and run", "the first tab", "a click on Edit and run", "a narrower window"):
        if choice == "Edit and run":
            open_tab(page, tab)
        elif choice == "a click on Edit and run":  # a reader's click, not a script's
            tabs.first.locator(".tabbed-labels label", has_text="Edit and run").click()
        elif choice == "the first tab":
            tabs.first.locator(".tabbed-labels label").first.click()
        else:
            page.set_viewport_size({"width": 600, "height": 800})  # the labels' padding changes
        page.wait_for_timeout(300)  # the theme's own pass over the set's size
        at, chosen = tabs.first.evaluate(underline)
        assert at == chosen, f"after {choice}: underline (x, width) {at}, chosen tab {chosen}"
    assert page.locator(".ffg-runner:not(:has(> noscript))").count() == 1  # the one filled
    remembered = page.evaluate("Object.keys(localStorage).filter(k => k.endsWith('__tabs')).map(k => localStorage[k])")
    assert not any("Edit and run" in value for value in remembered), remembered


@pytest.mark.parametrize("back", ["a reload", "Back"])
def test_a_chosen_tab_that_the_browser_puts_back_is_filled(page, visit, back):
    """The tab is in the page's HTML, so a reload or Back chooses it again as the browser puts
    the form back, with no change event for runner.js to hear."""
    visit("routing/routes-and-methods/")
    tabs, tab = page.locator(".tabbed-set:has([data-runnable])").first, page.locator("[data-runnable]").first
    tabs.locator(".tabbed-labels label", has_text="Edit and run").click()
    expect(tab.get_by_role("button", name="Run")).to_be_visible(timeout=30_000)
    if back == "a reload":
        page.reload()
    else:
        visit("routing/")
        page.go_back()
    assert tabs.evaluate("s => s.querySelector(':scope > input:checked').id.endsWith('_run')")
    expect(tab.get_by_role("button", name="Run")).to_be_visible(timeout=30_000)


def test_an_example_that_fails_to_load_says_so_and_loads_when_its_tab_is_reopened(browser, site_url):
    page, watch = watched_page(browser, site_url)
    example = "**/runnable/routing/methods.py.json"
    page.route(example, lambda route: route.fulfill(status=503, body="busy"))
    page.goto(site_url + "routing/routes-and-methods/")
    tab = page.locator("[data-runnable]").first
    open_tab(page, tab, ready=False)
    expect(tab.get_by_role("status")).to_have_text(re.compile(r"^The example could not be loaded \(503\b.*\); "
                                                              r"choose another tab, then this one again, to retry\.$"))
    page.unroute(example)
    tab.evaluate("t => t.closest('.tabbed-set').querySelector(':scope > input').click()")  # another tab
    open_tab(page, tab)  # and back
    page.context.close()
    assert not watch.requests
    assert len(watch.errors) == 1 and "status of 503" in watch.errors[0], watch.errors  # the browser's line


def test_from_the_file_system_the_tab_says_why_it_cannot_run_and_what_to_do(browser, unzipped):
    """The offline zip opened from disk: Chromium refuses a fetch() and a Web Worker to a page at a
    file:// address, so the tab does not try; it says why, and how to serve the folder instead."""
    page, watch = watched_page(browser, "file:")
    page.goto((unzipped / "routing" / "routes-and-methods.html").as_uri())
    tab = page.locator("[data-runnable]").first
    open_tab(page, tab, ready=False)
    expect(tab).to_contain_text("file://")
    text, buttons = tab.inner_text(), tab.get_by_role("button", name="Run").count()
    refused = page.evaluate("""async () => {  // what the tab would need, tried by hand
        const out = {};
        try { await fetch('../assets/runnable/manifest.json'); out.fetch = 'ok'; } catch (e) { out.fetch = e.name; }
        out.worker = await new Promise((resolve) => {
            try {
                const worker = new Worker('../assets/runner-worker.js', { type: 'module' });
                worker.onerror = () => resolve('error');
                worker.onmessage = () => resolve('ok');  // it answers any message when it runs
                worker.postMessage({ id: 0, calls: [] });
                setTimeout(() => resolve('silent'), 5000);
            } catch (e) { resolve(e.name); }
        });
        return out;
    }""")
    page.context.close()
    assert "python3 -m http.server" in text and "dev.py serve" in text, text
    assert buttons == 0
    assert refused == {"fetch": "TypeError", "worker": "error"}, refused
    assert not watch.requests, watch.requests


def test_the_unzipped_guide_served_over_http_runs_an_example(browser, unzipped):
    """What the file:// message advises: the same unzipped folder, served on 127.0.0.1, runs."""
    with serving(unzipped) as url:
        page, watch = watched_page(browser, url)
        page.set_default_timeout(30_000)
        page.goto(url + "routing/routes-and-methods.html")
        tab = page.locator("[data-runnable]").first
        open_tab(page, tab)
        assert run(page, tab) == "done"
        expect(tab.locator(".ffg-runner__output").first).to_contain_text("HTTP/1.1 201 CREATED")
        page.context.close()
    assert not watch.requests and not watch.errors, (watch.requests, watch.errors)


def test_the_tab_screenshots(page, visit, screenshots):
    """Before and after a run, for a person to look at (screenshots/runner-*.png)."""
    visit("routing/routes-and-methods/")
    tab = page.locator("[data-runnable]").first
    open_tab(page, tab)
    tab.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / "runner-before.png"))
    assert run(page, tab) == "done"
    tab.locator(".ffg-runner__output").first.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / "runner-after.png"))
    if TIMINGS:  # when the comparison ran in this session: its first-run and next-run times
        (screenshots / "runner-timings.json").write_text(json.dumps(TIMINGS, indent=1))


def test_an_option_the_test_client_does_not_take_shows_its_traceback_not_a_crash(page, methods_tab):
    tab = methods_tab
    tab.locator(".ffg-runner__call textarea").first.fill('{"nope": 1, "json": "<img src=x onerror=alert(1)>"}')
    assert run(page, tab) == "done"
    out = tab.locator(".ffg-runner__output").first
    expect(out).to_contain_text("TypeError")
    assert out.locator("img").count() == 0  # outputs are text, never markup
