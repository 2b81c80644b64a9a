#!/usr/bin/env python3
"""Check that every example in the guide is shown, resolves and is tested.

    python3 scripts/dev.py check          # every stage: what CI runs
    python3 scripts/dev.py check --fast   # stages 1 and 2 only, for the edit loop

In order, it fails when:
  1. pages: an include names a missing snippet file or section, a snippet section is
     unclosed, stray or duplicated, a snippet is included by no page, a page types more
     than three lines of Python or Jinja inline, or a page's front matter is not YAML or
     has no `description:` (scripts/page_rules.py), or ruff finds a mistake in the
     Python of scripts/, overrides/, tests/ or snippets/ (pyproject.toml says which);
  2. build: the strict build logs any warning (a dead link or anchor, a page not in
     `nav:`), a page shows an output that was never recorded, or a built page shows a
     macro's text instead of its code blocks (scripts/site_build.py). The build reads
     recorded outputs and runs no example;
  3. outputs: a recorded output is not what its call gives when run again in a fresh
     process (an example that raises, a Try-it whose status is not the one the call
     states), or a record belongs to no call (scripts/record.py);
  4. tests: a test fails (the examples, on real servers where they teach one);
  5. coverage: a snippet line never ran in the tests, or a non-Python snippet
     (a template, a config file) was never opened by a test;
  6. offline: the offline zip does not build;
  7. browser: the built site fails in Chromium (tests/browser/: every page loads
     cleanly and passes axe, search, theme, copy, tabs, 404, phone width, the
     offline zip). A stage of its own: it tests the site, not the snippets.
Each problem names the file and says how to fix it. `--root DIR` checks another
copy of the guide (the harness's own tests use it).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from page_rules import check_pages, snippet_files
from record import check as check_records
from site_build import build


def ranges(numbers):
    """[3, 4, 5, 9] -> '3-5, 9'"""
    spans = []
    for n in numbers:
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)


BROWSER_TESTS = "tests/browser"
LINTED = ["scripts", "overrides", "tests", "snippets"]


def lint(root):
    """ruff's findings, one line each: an unused import, an undefined name, a stale noqa."""
    folders = [f for f in LINTED if (root / f).is_dir()]
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--output-format", "concise", "--quiet",
                             *folders], cwd=root, capture_output=True, text=True)
    return [line for line in result.stdout.splitlines() if line.strip()] if result.returncode else []


def run_tests(root, tmp):
    env = dict(os.environ, FFG_SITE=str(tmp / "site"), FFG_OPENED=str(tmp / "opened.txt"),
               COVERAGE_FILE=str(tmp / ".coverage"))
    command = [sys.executable, "-m", "pytest", "--cov=snippets", "--cov-report=",
               f"--cov-report=json:{tmp / 'coverage.json'}", f"--ignore={BROWSER_TESTS}"]
    return subprocess.call(command, cwd=root, env=env) == 0


def run_browser_tests(root, tmp):
    env = dict(os.environ, FFG_SITE=str(tmp / "site"), FFG_OFFLINE_ZIP=str(tmp / "offline.zip"))
    return subprocess.call([sys.executable, "-m", "pytest", BROWSER_TESTS], cwd=root, env=env) == 0


def check_coverage(root, tmp):
    problems = []
    files = json.loads((tmp / "coverage.json").read_text())["files"]
    opened = set((tmp / "opened.txt").read_text().splitlines())
    for path in snippet_files(root):
        name = str(path.relative_to(root))
        if path.suffix == ".py":
            missing = files.get(name, {}).get("missing_lines", [])
            if name not in files:
                problems.append(f"{name} never ran in the tests. Add a test under tests/ that imports it "
                                "and asserts on what it does.")
            elif missing:
                label = "line" if len(missing) == 1 else "lines"
                problems.append(f"{name}: {label} {ranges(missing)} never ran in the tests. "
                                "Add assertions that exercise them, or remove them from the example.")
        elif name not in opened:
            problems.append(f"{name} was never opened by a test. Add a test that renders or reads it "
                            "and asserts on the result.")
    return problems


# The stages, in the order they run, each with what the run prints for it.
STAGES = [
    ("pages", "includes, sections, orphans, inline code, descriptions; ruff"),
    ("build", "strict, every warning fails, every output recorded; the built pages"),
    ("outputs", "every recorded output, run again in a fresh process"),
    ("tests", "pytest with coverage over snippets/"),
    ("coverage", "every snippet line ran, every other snippet file was read"),
    ("offline", "the zip's strict build"),
    ("browser", "the built site in Chromium"),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--fast", action="store_true", help="only the page checks and the strict build")
    args = parser.parse_args()
    root = args.root.resolve()
    stages = 2 if args.fast else len(STAGES)
    browser = not args.fast and (root / BROWSER_TESTS).is_dir()

    def stage(name):
        number = [n for n, _ in STAGES].index(name) + 1
        print(f"check {number}/{stages} {name}: {dict(STAGES)[name]}", flush=True)

    def fail(stage, problems=()):
        for problem in problems:
            print(f"  - {problem}")
        print(f"check: FAILED at {stage}")
        return 1

    stage("pages")
    if problems := check_pages(root) + lint(root):
        return fail("pages", problems)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        stage("build")
        if problems := build(tmp / "site", root):
            return fail("build", problems)
        if args.fast:
            print("check: pages and build passed (--fast: the tests, coverage and browser did not run)")
            return 0
        stage("outputs")
        problems, _ = check_records(root)
        if problems:
            return fail("outputs", problems)
        stage("tests")
        if not run_tests(root, tmp):
            return fail("tests (pytest's summary above names each failing test)")
        stage("coverage")
        if problems := check_coverage(root, tmp):
            return fail("coverage", problems)
        if browser:
            stage("offline")
            if problems := build(tmp / "offline.zip", root, offline=True):
                return fail("offline", problems)
            stage("browser")
            if not run_browser_tests(root, tmp):
                return fail("browser (pytest's summary above names each failing test)")
    print("check: all passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
