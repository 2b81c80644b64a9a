#!/usr/bin/env python3
"""Measure the guide: build time, size, and test time. A report, not a test.

Run it through `python3 scripts/dev.py bench`. Targets for the whole guide on a
2-core machine: a clean strict build in 5 s or less, the test suite in 90 s or less.
"""

import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILDS = 3


def timed(command, **kwargs):
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, **kwargs)
    return time.perf_counter() - start


def prose_words(page):
    """Words a reader reads: the page without front matter and code fences."""
    text = re.sub(r"\A---\n.*?\n---\n", "", page.read_text(encoding="utf-8"), flags=re.DOTALL)
    text = re.sub(r"^(\s*)(`{3,}|~{3,}).*?^\1\2\s*$", "", text, flags=re.DOTALL | re.MULTILINE)
    return len(text.split())


def kib(size):
    return f"{size / 1024:,.1f} KiB"


def main():
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--clean", "-d", str(site)]
        seconds = statistics.median(timed(build) for _ in range(BUILDS))
        pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
        words = sum(prose_words(p) for p in (ROOT / "docs").rglob("*.md"))
        largest = max(pages, key=lambda p: p.stat().st_size)
        largest = f"{kib(largest.stat().st_size)} ({largest.relative_to(site)})"
        site_bytes = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        index_bytes = (site / "search" / "search_index.json").stat().st_size
        env = dict(os.environ, FFG_SITE=str(site), COVERAGE_FILE=str(Path(tmp) / ".coverage"))
        tests = timed([sys.executable, "-m", "pytest", "-q", "--cov=snippets", "--cov-report="],
                      env=env, stdout=subprocess.DEVNULL)

    print(f"machine:            {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"clean strict build: {seconds:.2f} s (median of {BUILDS}; target <= 5 s)")
    print(f"pages:              {len(pages)}")
    print(f"words:              {words:,} (prose, without code)")
    print(f"words per second:   {words / seconds:,.0f}")
    print(f"site size:          {kib(site_bytes)}")
    print(f"largest page:       {largest}")
    print(f"search index:       {kib(index_bytes)}")
    print(f"test suite:         {tests:.1f} s wall (target <= 90 s)")


if __name__ == "__main__":
    main()
