#!/usr/bin/env python3
"""Build the site strictly and say, one line each, what stops it from being published.

    python3 scripts/dev.py build          # site/, as the Pages deploy publishes it

`check` (stage 2), `bench` and `dev.py build` all build through `build()`, so they fail on the
same things and print the same lines:
  - every warning MkDocs logs (a link to a missing page or anchor, a page left out of `nav:`);
  - every page whose macros failed (the page, the macro call, the reason; for an example,
    the snippet file and line), with the noise that failure causes (anchors of that page
    that no longer exist) left out;
  - a built page where a macro's output did not become the code blocks it means: fence
    markers or macro text shown as text, or fewer Request/Response blocks than `http(...)` calls.
"""

import os
import re
import subprocess
import sys
from html import unescape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RECORD = re.compile(r"^(WARNING|ERROR)\s+-\s+(.*)")
OTHER_RECORD = re.compile(r"^(INFO|DEBUG)\s+-")
MACRO_FAILURE = re.compile(r"_File_: `([^`]+)`")
MACRO_REASON = re.compile(r"^_(?!File_)(\w+)_: (.*)$", re.M)
MACRO_SYNTAX = re.compile(r"_Line (\d+) in Markdown file:_ \*\*(.*?)\*\*")
ANCHOR_INTO = re.compile(r"but the doc '([^']+)' does not contain an anchor")
ALTERED_JINJA = re.compile(r"^docs/(\S+): mkdocs-macros altered")


def build(site, root=ROOT, offline=False):
    """Build `root`'s guide into `site`; return the problems, one line each (none: it built)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if offline:
        command = [sys.executable, str(root / "scripts" / "offline.py"), str(site)]
    else:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)]
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    problems = log_problems(result.stdout + "\n" + result.stderr)
    if result.returncode and not problems:
        said = [line for line in (result.stderr or result.stdout).splitlines() if line.strip()][-5:]
        problems = [f"the build exited with {result.returncode} and said: " + " | ".join(said)]
    if not result.returncode and not offline:
        problems += built_page_problems(root, site)
    return problems


def log_problems(output):
    """The warnings and errors in a build's output, one line each, tracebacks left out."""
    records, current = [], None
    for line in output.splitlines():
        if match := RECORD.match(line):
            current = [match.group(2)]
            records.append(current)
        elif OTHER_RECORD.match(line):
            current = None
        elif current is not None:
            current.append(line)
    problems, failed_pages = [], set()
    for record in records:
        text = "\n".join(record)
        if text.startswith("Aborted with"):
            continue
        if page := MACRO_FAILURE.search(text):
            failed_pages.add(page.group(1))
            problems.append(macro_failure(page.group(1), text))
        else:  # a record's own lines (a list of pages left out of nav:) belong to it
            problems.append(" ".join(line.strip() for line in record if line.strip()))
    hidden = [p for p in problems if (m := ANCHOR_INTO.search(p) or ALTERED_JINJA.match(p))
              and m.group(1) in failed_pages]
    shown = [p for p in problems if p not in hidden]
    if hidden:
        shown.append(f"(and {len(hidden)} more about pages that failed to render above; "
                     "they go once those pages render)")
    return shown


def macro_failure(page, text):
    """mkdocs-macros' multi-line report of a failed page, as one line."""
    if syntax := MACRO_SYNTAX.search(text):
        return (f"docs/{page}: the macro near line {syntax.group(1)} of the page's Markdown "
                f"is not valid: {syntax.group(2)}")
    kind, message = MACRO_REASON.search(text).groups() if MACRO_REASON.search(text) else ("Error", text)
    if message.startswith("docs/"):  # from overrides/macros: already names the page and the call
        return message
    return f"docs/{page}: {kind}: {message}"


# Shown as text on a built page, these mean a macro's output or a fence never became a code
# block: the attribute list of a macro's fence anywhere (even inside code, where a half-open
# fence ends up), fence markers and macro delimiters outside code.
LEAKS_ANYWHERE = ('data-search-exclude=""}',)
LEAKS_OUTSIDE_CODE = ("```", "~~~", "{@", "@}")
HTTP_CALL = re.compile(r"\{@\s*http\(")


SCRIPT = re.compile(r"<(script|style)\b.*?</\1>", re.DOTALL)  # code a browser runs, never shows
CODE = re.compile(r"<(pre|code)\b.*?</\1>", re.DOTALL)
TAG = re.compile(r"<[^>]*>")  # outside scripts, a < or > in an attribute value is escaped
TITLE = re.compile(r'<span class="filename">([^<]*)</span>')  # a code block's title


def visible(html):
    """(the text a reader sees outside code, all the text a reader sees, code blocks' titles)."""
    shown = SCRIPT.sub("", html)
    return (unescape(TAG.sub("", CODE.sub("", shown))), unescape(TAG.sub("", shown)),
            [unescape(title).strip() for title in TITLE.findall(shown)])


def built_page_problems(root, site):
    problems = []
    for source in sorted((root / "docs").rglob("*.md")):
        page = source.relative_to(root / "docs").with_suffix("")
        built = site / (page.parent if page.name == "index" else page) / "index.html"
        if not built.exists():
            continue
        text, everything, titles = visible(built.read_text(encoding="utf-8"))
        name = f"docs/{source.relative_to(root / 'docs')}"
        leaks = [leak for leak in LEAKS_ANYWHERE if leak in everything]
        for leak in leaks + [leak for leak in LEAKS_OUTSIDE_CODE if leak in text]:
            problems.append(
                f"{name}: the built page shows {leak!r} as text, so a macro's output or a fence "
                "did not render as a code block. At the top level of a page, call the macro "
                "with indent=0; inside a tab or admonition, keep the default indent=4.")
            break
        calls = len(HTTP_CALL.findall(source.read_text(encoding="utf-8")))
        for title in ("Request", "Response"):
            if (shown := titles.count(title)) < calls:
                problems.append(f"{name}: {calls} http(...) calls but {shown} highlighted {title} "
                                "blocks on the built page; check the indent of each call.")
    return problems


def main():
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    print(f"Building the site into {site} (strict) ...", flush=True)
    if problems := build(site.resolve()):
        for problem in problems:
            print(f"  - {problem}")
        sys.exit("build: FAILED")
    print(f"build: {site} is ready to publish")


if __name__ == "__main__":
    main()
