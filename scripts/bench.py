#!/usr/bin/env python3
"""The performance budget: measure it and print it. A report, not a test.

Run it through `python3 scripts/dev.py bench`. It measures, on this machine:

  build     a clean strict build (check's, site_build.build)   target <= 4.5 s
  serve     `dev.py serve` from start to its first page         target <= 4.5 s
  rebuild   save a page under `dev.py serve` until the site is
            rebuilt; save a snippet until its page shows the
            edit (recorded again, then rebuilt)                target <= 1 s each
  weight    every file a page loads, each gzip-compressed as a
            gzip-serving host sends it, without the search
            index / with it                                   target <= 100 KB / <= 140 KB
  search    typing a query to its first result in Chromium    target <= 150 ms (median)

plus the site's size, its prose, the time of the test suite and of the browser checks, and,
when FFG_FLASK_DOCS names a checkout of pallets/flask with Sphinx installed, Flask's own docs
build beside ours. Loopback only.
"""

import gzip
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
import urllib.request
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.browser_tools import chromium, serving  # noqa: E402
from tests.browser.test_reader import SEARCHES  # noqa: E402
from tests.servers import free_port, wait_for  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
from dev import COMMANDS  # noqa: E402
from site_build import build  # noqa: E402

RUNS = 3
# What `python3 scripts/dev.py serve` passes to `mkdocs serve`, its address aside.
SERVE = [arg for arg in COMMANDS["serve"][3:] if arg.startswith("--") and arg != "--dev-addr"]
KB = 1000  # budgets are in kB, as a browser's network panel shows them
INDEX = "search/search_index.json"


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
        url = f"http://127.0.0.1:{port}/flask-field-guide/"
        command = [sys.executable, "-m", "mkdocs", "serve", *serve_args, "--dev-addr", f"127.0.0.1:{port}"]
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


def flask_docs_build():
    """Seconds for Flask's own Sphinx docs (FFG_FLASK_DOCS: a pallets/flask checkout), or None."""
    checkout = os.environ.get("FFG_FLASK_DOCS")
    if not checkout or not (Path(checkout) / "docs" / "conf.py").exists():
        return None
    with tempfile.TemporaryDirectory() as out:
        return timed([sys.executable, "-m", "sphinx", "-q", "-b", "dirhtml", "docs", out], cwd=checkout,
                     stdout=subprocess.DEVNULL)


def wait_for_log(log, text, seconds, count=1):
    wait_until(lambda: log.read_text().count(text) >= count, seconds,
               lambda: f"mkdocs serve did not print {text!r} within {seconds} s:\n{log.read_text()}")


def gzipped(path, cache={}):
    if path not in cache:
        cache[path] = len(gzip.compress(path.read_bytes(), compresslevel=6))
    return cache[path]


def browser_measures(site):
    """Per-page gzip weight of every file the page loads, and typing-to-result search times."""
    pages = [html.relative_to(site).as_posix().removesuffix("index.html")
             for html in sorted(site.rglob("*.html")) if html.name != "404.html"]
    weights, searches = {}, []
    with serving(site) as url, chromium() as browser:
        context = browser.new_context()
        for path in pages:
            page = context.new_page()
            loaded = set()
            page.on("request", lambda request: loaded.add(urlsplit(request.url).path))
            page.goto(url + path, wait_until="networkidle")
            page.close()
            files = [site / p.removeprefix(urlsplit(url).path) for p in loaded]
            files = [f / "index.html" if f.is_dir() else f for f in files]
            index = sum(gzipped(f) for f in files if f.as_posix().endswith(INDEX))
            weights[path] = (sum(gzipped(f) for f in files if f.exists()) - index, index)
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        page.locator("input.md-search__input").click()
        for query in [*SEARCHES, *SEARCHES]:  # the second round is what a reader feels: warm
            searches.append(page.evaluate(TYPE_AND_WAIT, query))
    return weights, searches[len(SEARCHES):]


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


def prose_words(page):
    """Words a reader reads: the page without front matter and code fences."""
    text = re.sub(r"\A---\n.*?\n---\n", "", page.read_text(encoding="utf-8"), flags=re.DOTALL)
    text = re.sub(r"^(\s*)(`{3,}|~{3,}).*?^\1\2\s*$", "", text, flags=re.DOTALL | re.MULTILINE)
    return len(text.split())


def verdict(value, target):
    return "ok" if value <= target else "OVER"


def main():
    print(f"machine: {os.cpu_count()} cores, {platform.platform()}, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build = build_time(site)
        print(f"build:    {build:.2f} s clean strict build, median of {RUNS}   [{verdict(build, 5)}, target <= 5 s]")
        first, page_edit, snippet_edit = serve_times(SERVE, env={"FFG_SERVING": "1"})
        print(f"serve:    {first:.2f} s from `dev.py serve` to its first page   [{verdict(first, 4.5)}, target <= 4.5 s]")
        print(f"rebuild:  {page_edit:.2f} s from saving a page to the reload, median of {RUNS}"
              f"   [{verdict(page_edit, 1)}, target <= 1 s]")
        print(f"          {snippet_edit:.2f} s from saving a snippet to its page showing it (recorded again),"
              f" median of {RUNS}   [{verdict(snippet_edit, 1)}, target <= 1 s]")
        full = serve_times([])[1]
        print(f"          {full:.2f} s for the same page edit with a full rebuild (plain `mkdocs serve`)")
        flask = flask_docs_build()
        print(f"flask:    {flask:.2f} s for Flask's own Sphinx docs, built the same way" if flask else
              "flask:    skipped: set FFG_FLASK_DOCS to a pallets/flask checkout with Sphinx installed "
              "to time Flask's docs beside ours")

        weights, searches = browser_measures(site)
        heaviest = max(weights, key=lambda p: weights[p][0])
        without = [w for w, _ in weights.values()]
        with_index = max(w + i for w, i in weights.values())
        index_raw = (site / INDEX).stat().st_size
        print(f"weight:   {len(weights)} pages; gzip, without the search index: median "
              f"{statistics.median(without) / KB:.1f} kB, heaviest {max(without) / KB:.1f} kB "
              f"({heaviest or 'home'})   [{verdict(max(without), 100 * KB)}, target <= 100 kB]")
        over = sorted((p or "home" for p, (w, _) in weights.items() if w > 100 * KB))
        print(f"          over 100 kB: {len(over)} pages{': ' if over else ''}{', '.join(over)}")
        print(f"          with the search index: heaviest {with_index / KB:.1f} kB"
              f"   [{verdict(with_index, 140 * KB)}, target <= 140 kB]")
        print(f"index:    {index_raw / KB:.1f} kB raw, {gzipped(site / INDEX) / KB:.1f} kB gzip "
              f"(loaded once per visit and cached)")
        print(f"search:   median {statistics.median(searches):.0f} ms, slowest {max(searches):.0f} ms, "
              f"typing to first result, {len(searches)} queries   "
              f"[{verdict(statistics.median(searches), 150)}, target <= 150 ms]")

        words = sum(prose_words(p) for p in (ROOT / "docs").rglob("*.md"))
        site_bytes = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        print(f"site:     {site_bytes / 2**20:.1f} MiB, {words:,} words of prose")
        env = dict(os.environ, FFG_SITE=str(site), COVERAGE_FILE=str(Path(tmp) / ".coverage"))
        tests = timed([sys.executable, "-m", "pytest", "-q", "--cov=snippets", "--cov-report=",
                       "--ignore=tests/browser"], env=env, stdout=subprocess.DEVNULL)
        print(f"tests:    {tests:.1f} s wall, the suite with every real server (check stage 4)"
              f"   [{verdict(tests, 90)}, target <= 90 s]")
        browser = timed([sys.executable, "-m", "pytest", "-q", "tests/browser"], env=env,
                        stdout=subprocess.DEVNULL)
        print(f"browser:  {browser:.1f} s wall, the site in Chromium, axe on every page (check stage 7)")


if __name__ == "__main__":
    main()
