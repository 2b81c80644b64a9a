#!/usr/bin/env python3
"""Check that every example in the guide is shown, resolves and is tested.

Run it through `python3 scripts/dev.py check`. In order, it fails when:
  1. pages: a page includes a snippet file or section that does not exist, a
     snippet is included by no page, a page types more than three lines of
     Python or Jinja inline, or a page's front matter is not YAML or has no
     `description:`;
  2. build: `mkdocs build --strict` fails (broken links, anchors, macros, tags);
  3. tests: a test fails (the examples, on real servers where they teach one);
  4. coverage: a snippet line never ran in the tests, or a non-Python snippet
     (a template, a config file) was never opened by a test;
  5. browser: the built site fails in Chromium (tests/browser/: every page loads
     cleanly and passes axe, search, theme, copy, tabs, 404, phone width, the
     offline zip). A stage of its own: it tests the site, not the snippets.
Each problem names the file and says how to fix it. `--root DIR` checks another
copy of the guide (the harness's own tests use it).
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

INCLUDE = re.compile(r'--8<--\s+"([^"]+)"')
FENCE = re.compile(r"^\s*(`{3,}|~{3,})\s*(\w[\w+-]*)?")
INLINE_LANGS = {"py", "python", "pycon", "jinja", "jinja2", "html+jinja", "j2"}
NOT_SNIPPETS = {"__pycache__"}


def snippet_files(root):
    for path in sorted((root / "snippets").rglob("*")):
        if path.is_file() and not NOT_SNIPPETS & set(path.parts):
            if not (path.name == "__init__.py" and not path.read_text().strip()):
                yield path


def check_pages(root):
    problems, included = [], set()
    for page in sorted((root / "docs").rglob("*.md")):
        name = page.relative_to(root)
        lines = page.read_text(encoding="utf-8").splitlines()
        if problem := front_matter_problem(lines):
            problems.append(f"{name}: {problem}")
        for number, line in enumerate(lines, 1):
            for spec in INCLUDE.findall(line):
                file, _, section = spec.partition(":")
                target = root / "snippets" / file
                included.add(target)
                if not target.is_file():
                    problems.append(f"{name}:{number} includes snippets/{file}, which does not exist. "
                                    "Fix the path (it is relative to snippets/) or add the file.")
                elif section and f"[start:{section}]" not in target.read_text():
                    have = sorted(set(re.findall(r"\[start:([\w-]+)\]", target.read_text())))
                    problems.append(f"{name}:{number} includes section '{section}' of snippets/{file}, "
                                    f"which has no such section (it has: {', '.join(have) or 'none'}). "
                                    f"Mark it with '# --8<-- [start:{section}]' and '# --8<-- [end:{section}]'.")
        problems += inline_code(name, lines)
    for path in snippet_files(root):
        if path not in included:
            problems.append(f"{path.relative_to(root)} is not included by any page. Include it with "
                            f'--8<-- "{path.relative_to(root / "snippets")}" where it is taught, or delete it.')
    return problems


def front_matter_problem(lines):
    """Why the page's front matter is missing, unreadable, or has no description; else None.

    MkDocs drops front matter it cannot parse without a word, and prints it as text.
    """
    no_description = ("no `description:` in the front matter. Add one sentence saying what the "
                      "page answers; it becomes the page's meta description.")
    if not lines or lines[0] != "---" or "---" not in lines[1:]:
        return no_description
    try:
        meta = yaml.safe_load("\n".join(lines[1:lines.index("---", 1)])) or {}
    except yaml.YAMLError as error:
        return (f"the front matter is not valid YAML ({str(error).splitlines()[0]}), so MkDocs would "
                "drop it and print it as text. Quote the value: description: \"...\"")
    return None if isinstance(meta.get("description"), str) else no_description


def ranges(numbers):
    """[3, 4, 5, 9] -> '3-5, 9'"""
    spans = []
    for n in numbers:
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)


def inline_code(name, lines):
    problems, fence, start, body = [], None, 0, []
    for number, line in enumerate(lines, 1):
        match = FENCE.match(line)
        if fence is None and match:
            fence, lang, start, body = match.group(1), (match.group(2) or "").lower(), number, []
        elif fence is not None and line.strip().startswith(fence):
            code = [b for b in body if b.strip()]
            if lang in INLINE_LANGS and len(code) > 3 and not any("--8<--" in b for b in body):
                problems.append(f"{name}:{start} has {len(code)} lines of {lang} typed inline. Move them "
                                "to a file under snippets/<chapter>/, include it with --8<--, and test it.")
            fence = None
        elif fence is not None:
            body.append(line)
    return problems


BROWSER_TESTS = "tests/browser"


def run_tests(root, tmp):
    env = dict(os.environ, FFG_SITE=str(tmp / "site"), FFG_OPENED=str(tmp / "opened.txt"),
               COVERAGE_FILE=str(tmp / ".coverage"))
    command = [sys.executable, "-m", "pytest", "--cov=snippets", "--cov-report=",
               f"--cov-report=json:{tmp / 'coverage.json'}", f"--ignore={BROWSER_TESTS}"]
    return subprocess.call(command, cwd=root, env=env) == 0


def run_browser_tests(root, tmp):
    if not (root / BROWSER_TESTS).is_dir():
        return True
    env = dict(os.environ, FFG_SITE=str(tmp / "site"))
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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    root = parser.parse_args().root.resolve()

    def fail(stage, problems=()):
        for problem in problems:
            print(f"  - {problem}")
        print(f"check: FAILED at {stage}")
        return 1

    print("check 1/5 pages: includes, orphans, inline code, descriptions")
    if problems := check_pages(root):
        return fail("pages", problems)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        print("check 2/5 build: mkdocs build --strict")
        build = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(tmp / "site")]
        if subprocess.call(build, cwd=root):
            return fail("build (the lines above say which page and why)")
        print("check 3/5 tests: pytest with coverage over snippets/")
        if not run_tests(root, tmp):
            return fail("tests")
        print("check 4/5 coverage: every snippet line ran, every other snippet file was read")
        if problems := check_coverage(root, tmp):
            return fail("coverage", problems)
        print("check 5/5 browser: the built site in Chromium")
        if not run_browser_tests(root, tmp):
            return fail("browser")
    print("check: all passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
