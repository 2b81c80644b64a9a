#!/usr/bin/env python3
"""The performance budget: measure it and print it, one table. A report, not a test.

Run it through `python3 scripts/dev.py bench` (about 10 minutes here). On this machine it measures:

  build          a clean strict build (check's, site_build.build), median of 3     <= 4.5 s
  serve          `dev.py serve` from its start to its first page                  <= 4.5 s
  page edit      save a page under `dev.py serve` until the reload, median of 3    <= 1 s
  snippet edit   save a snippet until its page shows it (recorded again, rebuilt)  <= 1 s
  first search   land on a page (a new browser profile: nothing cached), press /,
                 type a query; from its last key to the first result; median over
                 the 30 queries of tests/browser/test_reader.py                   <= 120 ms
  warm search    the same queries again once the index is loaded                  <= 50 ms
  index          search/search_index.json, gzip                                   <= 200 kB
  first visit    every file a page loads, the search index included, gzip, on
                 the heaviest of every page                                       <= 250 kB
  Lighthouse     performance, accessibility, best practices, SEO (mobile) on each
                 kind of page, the run with the median performance of 3           100 each

The site is served gzipped by nginx on 127.0.0.1; Chromium is Debian's, Lighthouse comes from
the npm registry (scripts/lighthouse/package-lock.json pins it; `npm ci` puts it in
.venv/lighthouse/). When FFG_FLASK_DOCS names a checkout of pallets/flask whose docs build
(Sphinx in FFG_FLASK_PYTHON, else the checkout's .venv), Flask's own docs are built and searched
the same way in the same run (their Sphinx search: type in the sidebar box, Enter, first result).
Two rows are references, not targets: "the theme alone" builds and Lighthouses a site with this
guide's nav, theme and features whose every page is only its title. Its build time is the floor
under ours, and its Lighthouse performance what the theme's own page weighs, on the machine at
hand, whose speed varies (here the same build has taken from 8 s to 20 s on different days). Its
accessibility score is no reference: the guide's own CSS and script fix what the theme misses.
`--suite` also times the test suite and the browser checks. Nothing leaves the machine.
"""

import gzip
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Error as PlaywrightError

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.browser_tools import CHROMIUM_FLAGS, OffHost, chromium, origin as origin_of  # noqa: E402
from tests.browser.test_reader import SEARCHES  # noqa: E402
from tests.servers import LOOPBACK, free_port, nginx, program, wait_for  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
from dev import COMMANDS  # noqa: E402
from pdf import nav_entries  # noqa: E402
from site_build import build  # noqa: E402

RUNS = 3
# What `python3 scripts/dev.py serve` passes to `mkdocs serve`, its address aside.
SERVE = [arg for arg in COMMANDS["serve"][3:] if arg.startswith("--") and arg != "--dev-addr"]
KB = 1000  # budgets are in kB, as a browser's network panel shows them
INDEX = "search/search_index.json"
PREFIX = "/flask-field-guide/"
FLASK_PREFIX = "/flask-docs/"
LAND = "routing/routes-and-methods/"  # where a first search starts: a chapter page
FLASK_LAND = "quickstart/"
ALONE_PREFIX = "/theme-alone/"
# Sphinx's first result, or its summary when nothing matched (it searches for all the words).
SPHINX_RESULT = "#search-results ul.search li, #search-results p.search-summary:not(:empty)"
LIGHTHOUSE = ROOT / "scripts" / "lighthouse"  # package.json + package-lock.json: the pin
LIGHTHOUSE_HOME = ROOT / ".venv" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# One page of each kind; a kind whose page is not in the site (yet) is left out and said so.
PAGE_KINDS = {
    "home": "",
    "chapter index": "routing/",
    "chapter page (Try it tabs)": LAND,
    "self-check": "routing/self-check/",
    "cheat sheet": "routing/cheat-sheet/",
    "question bank": "questions/routing/",
    "quiz": "questions/quiz/",
    "study plan": "questions/study/",
    "tags": "questions/tags/",
    "troubleshooting": "troubleshooting/routing-and-urls/",
    "glossary": "glossary/",
    # A miss gets this page with status 404, which Lighthouse's SEO audit marks down as such;
    # the page itself is audited at its own address.
    "404": "404.html",
}
BUDGET = {"build": 4.5, "serve": 4.5, "edit": 1.0, "first search": 120, "warm search": 50,
          "index": 200 * KB, "first visit": 250 * KB}

NGINX = """events {{}}
http {{
    types {{
        text/html html; text/css css; application/javascript js; application/json json;
        image/svg+xml svg; image/png png; text/xml xml; text/plain txt; font/woff2 woff2;
    }}
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {d}/body; proxy_temp_path {d}/proxy; fastcgi_temp_path {d}/fastcgi;
    uwsgi_temp_path {d}/uwsgi; scgi_temp_path {d}/scgi;
    gzip on;
    gzip_comp_level 6;
    gzip_min_length 256;
    gzip_types text/css application/javascript application/json image/svg+xml text/xml text/plain;
    server {{
        listen {host}:{port};
        location {prefix} {{ alias {site}/; error_page 404 {prefix}404.html; }}
        location {flask_prefix} {{ alias {flask}/; }}
        location {alone_prefix} {{ alias {alone}/; }}
    }}
}}
"""


def timed(command, **kwargs):
    start = time.perf_counter()
    subprocess.run(command, cwd=kwargs.pop("cwd", ROOT), check=True, **kwargs)
    return time.perf_counter() - start


def build_time(site):
    """Seconds for check's strict build (site_build.build); a build with problems stops the bench."""
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        if problems := build(site):
            sys.exit("bench: the build failed:\n" + "\n".join(f"  - {p}" for p in problems))
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def serve_times(serve_args, env=None):
    """Seconds from starting `mkdocs serve` (in a copy) to its first page, and the medians from
    saving a page to "Reloading browsers" and from saving a snippet to its page showing it."""
    first, pages, snippets = None, [], []
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "guide"
        shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".git", ".venv", "site", "dist"))
        log, port = copy / "serve.log", free_port()
        url = f"http://{LOOPBACK}:{port}{PREFIX}"
        command = [sys.executable, "-m", "mkdocs", "serve", *serve_args, "--dev-addr", f"{LOOPBACK}:{port}"]
        start = time.perf_counter()
        with open(log, "w") as out:
            server = subprocess.Popen(command, cwd=copy, stdout=out, stderr=subprocess.STDOUT,
                                      env=dict(os.environ, **(env or {})))
        try:
            wait_until(lambda: fetch(url) is not None, 120, f"{url} never answered:\n{log.read_text()}")
            first = time.perf_counter() - start
            reloaded = "Reloading browsers"
            page = copy / "docs" / "routing" / "index.md"
            snippet = copy / "snippets" / "routing" / "methods.py"
            for run in range(RUNS):
                before = log.read_text().count(reloaded)
                start = time.perf_counter()
                page.write_text(page.read_text() + f"\nEdited {run}.\n")
                wait_for_log(log, reloaded, 120, count=before + 1)
                pages.append(time.perf_counter() - start)
                marker = f"# edited for the bench, run {run}"
                start = time.perf_counter()
                snippet.write_text(snippet.read_text().replace("# --8<-- [end:", f"{marker}\n# --8<-- [end:", 1))
                wait_until(lambda: marker in (fetch(url + "routing/routes-and-methods/") or ""), 120,
                           f"the snippet edit never showed:\n{log.read_text()}")
                snippets.append(time.perf_counter() - start)
        finally:
            server.terminate()
            server.wait(10)
    return first, statistics.median(pages), statistics.median(snippets)


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode()
    except OSError:
        return None


def wait_until(ready, seconds, failure):
    try:
        wait_for(ready, seconds, interval=0.02)
    except TimeoutError:
        sys.exit(failure() if callable(failure) else failure)


def wait_for_log(log, text, seconds, count=1):
    wait_until(lambda: log.read_text().count(text) >= count, seconds,
               lambda: f"mkdocs serve did not print {text!r} within {seconds} s:\n{log.read_text()}")


def flask_docs(out):
    """Build Flask's Sphinx docs (FFG_FLASK_DOCS) into `out`: (seconds, None), or (None, why not)."""
    checkout = os.environ.get("FFG_FLASK_DOCS")
    if not checkout:
        return None, "skipped: set FFG_FLASK_DOCS to a pallets/flask checkout to build its docs here"
    if not (Path(checkout) / "docs" / "conf.py").exists():
        return None, f"skipped: {checkout} has no docs/conf.py (FFG_FLASK_DOCS)"
    python = os.environ.get("FFG_FLASK_PYTHON") or str(Path(checkout) / ".venv" / "bin" / "python")
    if not Path(python).exists():
        return None, f"skipped: no Python with Sphinx at {python} (set FFG_FLASK_PYTHON)"
    dead = f"http://{LOOPBACK}:{free_port()}"  # intersphinx would fetch inventories from the web
    seconds = timed([python, "-m", "sphinx", "-q", "-b", "dirhtml", "docs", str(out)], cwd=checkout,
                    env=dict(os.environ, HTTP_PROXY=dead, HTTPS_PROXY=dead),
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return seconds, None


def theme_alone(out):
    """MkDocs and Material alone: this guide's nav, theme and features, every page only its
    title; no plugin but search, no extension but MkDocs' own, no hook, no CSS or script of
    ours. (median seconds of a strict build, the site)."""
    from mkdocs.utils.yaml import yaml_load

    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        config = yaml_load(f)

    for _, path in nav_entries(config["nav"]):
        (out / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        (out / "docs" / path).write_text(f"# {Path(path).stem}\n", encoding="utf-8")
    theme = {key: value for key, value in config["theme"].items() if key != "custom_dir"}
    alone = {"site_name": config["site_name"], "site_url": config["site_url"], "theme": theme,
             "plugins": ["search"], "nav": config["nav"]}
    (out / "mkdocs.yml").write_text(json.dumps(alone), encoding="utf-8")  # JSON is YAML
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out / "site")]
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        if (done := subprocess.run(command, cwd=out, capture_output=True, text=True)).returncode:
            sys.exit(f"bench: the theme-alone build failed:\n{done.stderr[-2000:]}")
        times.append(time.perf_counter() - start)
    return statistics.median(times), out / "site"


def gzipped(path, cache={}):
    if path not in cache:
        cache[path] = len(gzip.compress(path.read_bytes(), compresslevel=6))
    return cache[path]


def first_visits(browser, url, site):
    """Per page, the gzip bytes of every file a first visit (nothing cached) loads, index included."""
    pages = [html.relative_to(site).as_posix().removesuffix("index.html")
             for html in sorted(site.rglob("*.html")) if html.name != "404.html"]
    weights = {}
    for path in pages:
        context = new_context(browser, url)
        page = context.new_page()
        loaded = set()
        page.on("requestfinished", lambda request: loaded.add(urlsplit(request.url).path))
        page.goto(url + path, wait_until="networkidle")
        context.close()
        files = [site / p.removeprefix(PREFIX) for p in loaded if p.startswith(PREFIX)]
        files = [f / "index.html" if f.is_dir() else f for f in files]
        weights[path] = sum(gzipped(f) for f in files if f.is_file())
    return weights


# Installed before a page's own scripts: the time of the last key (kept across the navigation a
# Sphinx search makes) and of the first result that shows after it.
FIRST_RESULT = """(() => {
  const now = () => performance.timeOrigin + performance.now()
  addEventListener("keydown", (event) => {
    if (event.key === sessionStorage.getItem("bench-key")) sessionStorage.setItem("bench-down", now())
  }, true)
  new MutationObserver((_, observer) => {
    if (sessionStorage.getItem("bench-down") && document.querySelector(%s)) {
      window.benchFirst = now(); observer.disconnect()
    }
  }).observe(document, {childList: true, subtree: true})
})()"""


def new_context(browser, url):
    """A fresh profile (nothing cached) that reaches nothing but `url`'s origin."""
    context = browser.new_context()
    OffHost(context, origin_of(url))
    return context


def first_searches(browser, land, box, result, enter=False):
    """Milliseconds from the last key to the first result, a fresh profile for each query
    (a query that never shows one within 15 s counts as infinitely slow)."""
    times = []
    for query in SEARCHES:
        context = new_context(browser, land)
        context.add_init_script(FIRST_RESULT % json.dumps(result))
        page = context.new_page()
        page.goto(land, wait_until="load")
        last = "Enter" if enter else query[-1]
        page.evaluate("key => sessionStorage.setItem('bench-key', key)", last)
        if enter:
            page.locator(box).first.click()
            page.locator(box).first.fill(query)
        else:
            page.keyboard.press("/")  # the theme's shortcut to the search box
            page.locator(box).fill(query[:-1])  # no keyup: the theme searches on keyup
        page.keyboard.press(last)
        try:
            if enter:
                page.wait_for_url("**/search/**")
            page.wait_for_function("window.benchFirst", timeout=15_000)
            times.append(page.evaluate("window.benchFirst - sessionStorage.getItem('bench-down')"))
        except PlaywrightError:
            times.append(float("inf"))
        context.close()
    return times


# Milliseconds from putting the query in the box to the first result in the list.
TYPE_AND_WAIT = """async (query) => {
  const box = document.querySelector("input.md-search__input")
  const list = document.querySelector(".md-search-result__list")
  const type = (value) => {  // the theme reads the box on keyup
    box.value = value; box.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true}))
  }
  type("")
  while (list.querySelector(".md-search-result__item")) await new Promise(r => setTimeout(r, 10))
  const start = performance.now()
  type(query)
  while (!list.querySelector(".md-search-result__item")) {
    if (performance.now() - start > 5000) return Infinity
    await new Promise(r => requestAnimationFrame(r))
  }
  return performance.now() - start
}"""


def warm_searches(browser, url):
    page = new_context(browser, url).new_page()
    page.goto(url, wait_until="networkidle")
    page.locator("input.md-search__input").click()
    times = [page.evaluate(TYPE_AND_WAIT, query) for query in [*SEARCHES, *SEARCHES]]
    page.context.close()
    return times[len(SEARCHES):]  # the second round: what a reader feels once it is all loaded


def spread(times):
    """'median of n, slowest' for search times; a search that never answered is said so."""
    answered = [t for t in times if t != float("inf")]
    text = f"{statistics.median(times):.0f} ms median of {len(times)}, slowest {max(answered):.0f} ms"
    return text + (f", {len(times) - len(answered)} never answered" if len(answered) < len(times) else "")


def lighthouse_cli():
    """Lighthouse from the npm registry, installed from the pinned lock into .venv/lighthouse/."""
    if not shutil.which("npm") or not shutil.which("node"):
        sys.exit("bench runs Lighthouse, which needs Node.js and npm: sudo apt-get install nodejs npm")
    lock = (LIGHTHOUSE / "package-lock.json").read_bytes()
    stamp, digest = LIGHTHOUSE_HOME / "lock.sha256", hashlib.sha256(lock).hexdigest()
    cli = LIGHTHOUSE_HOME / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not (cli.exists() and stamp.exists() and stamp.read_text() == digest):
        print("Installing Lighthouse (npm ci) into .venv/lighthouse/ ...", file=sys.stderr, flush=True)
        LIGHTHOUSE_HOME.mkdir(parents=True, exist_ok=True)
        for name in ("package.json", "package-lock.json"):
            shutil.copy(LIGHTHOUSE / name, LIGHTHOUSE_HOME / name)
        subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--silent"],
                       cwd=LIGHTHOUSE_HOME, check=True)
        stamp.write_text(digest)
    return cli


def median_lighthouse(cli, url, out):
    """lighthouse() RUNS times; the run whose performance is the median, and every run's.

    One run is a lottery: on a loaded 2-core machine the same page's performance has spanned
    83-96 from one run to the next (Lighthouse's own advice is the median of several runs). The
    other three categories do not vary; the median run's are shown, with its misses."""
    runs = [lighthouse(cli, url, out) for _ in range(RUNS)]
    if failed := [run for run in runs if not run[0]]:
        return (*failed[0], [])
    scores, missed = sorted(runs, key=lambda run: run[0]["performance"])[RUNS // 2]
    return scores, missed, [run[0]["performance"] for run in runs]


def lighthouse(cli, url, out):
    """The four category scores (0-100) of one page, and what kept any below 100."""
    flags = " ".join(["--headless=new", *CHROMIUM_FLAGS])
    result = subprocess.run(
        ["node", str(cli), url, "--quiet", "--output=json", f"--output-path={out}",
         f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"],
        env=dict(os.environ, CHROME_PATH=program("chromium")), capture_output=True, text=True)
    if result.returncode or not out.exists():
        return None, [f"Lighthouse failed: {result.stderr.strip()[-300:]}"]
    report = json.loads(out.read_text())
    scores = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
    missed = []
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                missed.append(f"{category}: {ref['id']} ({audit.get('displayValue') or audit['score']})")
    return scores, missed


STARTED = time.perf_counter()


def say(stage):
    """Progress on stderr (the table comes at the end, on stdout)."""
    print(f"[{time.perf_counter() - STARTED:5.0f} s] {stage} ...", file=sys.stderr, flush=True)


class Table:
    def __init__(self):
        self.rows = []

    def add(self, figure, measured, target="", ok=None):
        self.rows.append((figure, measured, target, "" if ok is None else ("ok" if ok else "OVER")))

    def print(self):
        head = ("figure", "measured", "target", "ok?")
        widths = [max(len(row[i]) for row in [head, *self.rows]) for i in range(4)]
        line = "| " + " | ".join("{:<%d}" % w for w in widths) + " |"
        print(line.format(*head))
        print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
        for row in self.rows:
            print(line.format(*row))


def main():
    cli = lighthouse_cli()
    table = Table()
    print(f"machine: {os.cpu_count()} cores, {platform.platform()}, Python {platform.python_version()}, "
          f"load {os.getloadavg()[0]:.1f}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        site, flask_site = tmp / "site", tmp / "flask"
        say(f"{RUNS} clean strict builds")
        seconds = build_time(site)
        table.add("clean strict build", f"{seconds:.2f} s (median of {RUNS})", "<= 4.5 s",
                  seconds <= BUDGET["build"])
        say("Flask's docs with Sphinx")
        flask_build, flask_skipped = flask_docs(flask_site)
        table.add("Flask's docs, Sphinx build", f"{flask_build:.2f} s" if flask_build else flask_skipped)
        say("the theme alone: the same nav, every page only its title")
        alone_build, alone_site = theme_alone(tmp / "alone")
        table.add("the theme alone, strict build (the floor)", f"{alone_build:.2f} s (median of {RUNS})")
        say("`dev.py serve`, a page edit and a snippet edit")
        first, page_edit, snippet_edit = serve_times(SERVE, env={"FFG_SERVING": "1"})
        table.add("`dev.py serve` to its first page", f"{first:.2f} s", "<= 4.5 s", first <= BUDGET["serve"])
        table.add("page edit shown under serve", f"{page_edit:.2f} s (median of {RUNS})", "<= 1 s",
                  page_edit <= BUDGET["edit"])
        table.add("snippet edit shown (recorded, rebuilt)", f"{snippet_edit:.2f} s (median of {RUNS})",
                  "<= 1 s", snippet_edit <= BUDGET["edit"])

        flask_site.mkdir(exist_ok=True)
        port = free_port()
        conf = NGINX.format(d=tmp, host=LOOPBACK, port=port, prefix=PREFIX, site=site,
                            flask_prefix=FLASK_PREFIX, flask=flask_site, alone_prefix=ALONE_PREFIX,
                            alone=alone_site)
        (tmp / "nginx").mkdir()
        with nginx(conf, tmp / "nginx", port) as origin, chromium() as browser:
            url = origin + PREFIX
            say(f"first searches ({len(SEARCHES)} fresh profiles), warm searches, first visits")
            searches = first_searches(browser, url + LAND, "input.md-search__input",
                                      ".md-search-result__item")
            ms = statistics.median(searches)
            table.add("first search (land, press /, type)", spread(searches), "<= 120 ms",
                      ms <= BUDGET["first search"])
            if flask_build:
                flask = first_searches(browser, origin + FLASK_PREFIX + FLASK_LAND, "input[name=q]",
                                       SPHINX_RESULT, enter=True)
                table.add("Flask docs' first search (box, Enter)", spread(flask))
            warm = warm_searches(browser, url)
            ms = statistics.median(warm)
            table.add("warm search", f"{ms:.0f} ms median, slowest {max(warm):.0f} ms", "<= 50 ms",
                      ms <= BUDGET["warm search"])
            index = gzipped(site / INDEX)
            table.add("search index (gzip)", f"{index / KB:.1f} kB ({(site / INDEX).stat().st_size / KB:.0f}"
                      " kB raw)", "<= 200 kB", index <= BUDGET["index"])
            weights = first_visits(browser, url, site)
            heaviest = max(weights, key=weights.get)
            over = [p or "home" for p, w in weights.items() if w > BUDGET["first visit"]]
            table.add("first visit, index included (gzip)",
                      f"heaviest {weights[heaviest] / KB:.1f} kB ({heaviest or 'home'}), median "
                      f"{statistics.median(weights.values()) / KB:.1f} kB, {len(weights)} pages"
                      + (f"; over: {', '.join(over)}" if over else ""), "<= 250 kB", not over)
            if flask_build:
                table.add("Flask docs' first visit (gzip)", f"{flask_weight(browser, origin, flask_site):.1f} kB"
                          f" ({FLASK_LAND})")
            notes = []
            say("Lighthouse on each kind of page")
            for kind, path in PAGE_KINDS.items():
                if not (site / path).exists() and not (site / path / "index.html").exists():
                    table.add(f"Lighthouse: {kind}", f"no such page ({path}) in this build")
                    continue
                scores, missed, performances = median_lighthouse(cli, url + path, tmp / "lighthouse.json")
                shown = " / ".join(str(scores[c]) for c in CATEGORIES) if scores else "failed"
                runs = f"; performance of the {RUNS} runs: {', '.join(map(str, performances))}" if scores else ""
                table.add(f"Lighthouse: {kind}", f"{shown} ({path or 'home'}{runs})", "100 / 100 / 100 / 100",
                          bool(scores) and all(v == 100 for v in scores.values()))
                notes += [f"  {kind}: {m}" for m in missed]
            scores, _, _ = median_lighthouse(cli, origin + ALONE_PREFIX + LAND, tmp / "lighthouse.json")
            table.add("Lighthouse: the theme alone (a reference)",
                      (" / ".join(str(scores[c]) for c in CATEGORIES) if scores else "failed") + f" ({LAND})")
            if flask_build:
                scores, _, _ = median_lighthouse(cli, origin + FLASK_PREFIX + FLASK_LAND, tmp / "lighthouse.json")
                table.add("Lighthouse: Flask docs' quickstart",
                          " / ".join(str(scores[c]) for c in CATEGORIES) if scores else "failed")

        if "--suite" in sys.argv:
            env = dict(os.environ, FFG_SITE=str(site), COVERAGE_FILE=str(tmp / ".coverage"))
            tests = timed([sys.executable, "-m", "pytest", "-q", "--cov=snippets", "--cov-report=",
                           "--ignore=tests/browser"], env=env, stdout=subprocess.DEVNULL)
            table.add("test suite, every real server (check stage 4)", f"{tests:.1f} s")
            browser_tests = timed([sys.executable, "-m", "pytest", "-q", "tests/browser"], env=env,
                                  stdout=subprocess.DEVNULL)
            table.add("browser checks (check stage 7)", f"{browser_tests:.1f} s")
    print("Lighthouse: categories are performance / accessibility / best practices / SEO (mobile)")
    table.print()
    if notes:
        print("What kept a Lighthouse score below 100:")
        print("\n".join(notes))
    print(f"bench took {time.perf_counter() - STARTED:.0f} s")


def flask_weight(browser, origin, flask_site):
    context = new_context(browser, origin)
    page = context.new_page()
    loaded = set()
    page.on("requestfinished", lambda request: loaded.add(urlsplit(request.url).path))
    page.goto(origin + FLASK_PREFIX + FLASK_LAND, wait_until="networkidle")
    context.close()
    files = [flask_site / p.removeprefix(FLASK_PREFIX) for p in loaded if p.startswith(FLASK_PREFIX)]
    files = [f / "index.html" if f.is_dir() else f for f in files]
    return sum(gzipped(f) for f in files if f.is_file()) / KB


if __name__ == "__main__":
    main()
