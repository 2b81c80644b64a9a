#!/usr/bin/env python3
"""Run every output a page shows and record it next to its example; or check the records.

    python3 scripts/dev.py record                       # every page
    python3 scripts/dev.py record docs/routing/x.md     # the pages you name
    python3 scripts/record.py --check                   # check stage 3: run again, diff

Each page runs in a process of its own (so no example's module state, logging setup or
imports reach another page or the build), with the clock frozen and a fixed hash seed, so
dates, signed cookies, tokens, rate-limit resets and the order of sets (an `Allow` header)
come out the same every time. `record` runs each page twice and
stores any value that still differs (a random token, a timing) as <varies>. The build only
reads the records (overrides/macros/records.py); `--check` proves that each one is still what
the code produces.
"""

import argparse
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "overrides"))
from macros import records  # noqa: E402  (the format the build reads)

# Scratch folders in memory where the system has one (Linux's /dev/shm): the moved copy is some
# 700 files, which took 0.7 s to write to this machine's disk and 0.02 s to memory.
SCRATCH = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
# Each copied file is dated this much earlier: another year, month, day, weekday, hour, minute
# and second, so every field of a date taken from a file differs between the two runs.
EARLIER = 400 * 86400 + 3661


def run_pages(jobs):
    """Run each (root, page) in a process of its own (scripts/record_worker.py forks them from one
    that has imported Flask); for each, ({key: blocks}, the errors, one line each)."""
    with tempfile.TemporaryDirectory(dir=SCRATCH) as tmp:
        files = [(str(root), str(page), f"{tmp}/{n}.json", f"{tmp}/{n}.log") for n, (root, page) in enumerate(jobs)]
        Path(tmp, "jobs.json").write_text(json.dumps(files))
        subprocess.run([sys.executable, "-m", "record_worker", f"{tmp}/jobs.json"], cwd=tmp, check=True,
                       env=dict(os.environ, PYTHONPATH=str(ROOT / "scripts"), PYTHONHASHSEED="0",
                                PYTHONUNBUFFERED="1"))  # what a child printed is in its log, however it ended
        return [result(Path(root), Path(page), Path(result_file), Path(log))
                for root, page, result_file, log in files]


def result(root, page, result_file, log):
    if not result_file.exists():
        said = log.read_text(errors="replace").strip().splitlines()[-3:] if log.exists() else []
        return {}, [f"{page.relative_to(root)}: running its examples failed: " + " | ".join(said)]
    found = json.loads(result_file.read_text())
    return {key: [tuple(b) for b in blocks] for key, blocks in found["outputs"].items()}, found["errors"]


def moved_copy(root, tmp):
    """The pages and examples in another folder, every file dated EARLIER: whatever an output
    takes from where the checkout is or when its files were written (a static file's
    Last-Modified and ETag, a path in a message) then differs between the two runs and is stored
    as <varies>, so a fresh clone elsewhere, on another day, gives the same record."""
    copy = tmp / "guide"
    for folder in ("docs", "snippets"):
        shutil.copytree(root / folder, copy / folder, ignore=shutil.ignore_patterns("__pycache__"))  # keeps dates
    for path in copy.rglob("*"):
        written = path.stat().st_mtime
        os.utime(path, (written - EARLIER, written - EARLIER))
    return copy


def masked(first, second):
    """The first run's blocks, with each word that differs in the second run made <varies>."""
    out = []
    for (title, a), (_, b) in zip(first, second):
        lines_a, lines_b = a.split("\n"), b.split("\n")
        if len(lines_a) != len(lines_b):
            return None
        text = "\n".join(_mask_line(x, y) for x, y in zip(lines_a, lines_b))
        # A Server-Timing duration is a measurement even when two runs happen to agree on it.
        text = re.sub(r"(?m)^(Server-Timing: .*?dur=)[\d.]+", rf"\g<1>{records.VARIES}", text)
        if records.VARIES in text.partition("\n\n")[2]:  # a body that varies varies in length too
            text = re.sub(r"^Content-Length: \d+$", f"Content-Length: {records.VARIES}", text, flags=re.M)
        out.append((title, text))
    return out


def _mask_line(a, b):
    if a == b:
        return a
    words_a, words_b = _words(a), _words(b)
    if len(words_a) != len(words_b):
        return records.VARIES
    return "".join(x if x == y else records.VARIES for x, y in zip(words_a, words_b))


def _words(line):
    return re.split(r"([\s;,\"'&:=]+)", line)


def pages_with_calls(root, chosen=None):
    pages = sorted((root / "docs").rglob("*.md"))
    if chosen:
        wanted = {(root / c).resolve() for c in chosen}
        pages = [p for p in pages if p.resolve() in wanted]
    return [p for p in pages if records.CALL_IN_PAGE.search(records.page_source(p))]


def versions():
    return ", ".join(f"{name} {version(name)}" for name in ("Flask", "Werkzeug", "Jinja2"))


def record(root, chosen=None):
    pages = pages_with_calls(root, chosen)
    with tempfile.TemporaryDirectory(dir=SCRATCH) as tmp:
        elsewhere = moved_copy(root, Path(tmp))  # before any run: a run could write beside its example
        # Two runners, not one: children forked from one parent share its memory layout, so an
        # address in an output (<object at 0x7f...>) would come out the same in both runs.
        with ThreadPoolExecutor(2) as pool:
            here = pool.submit(run_pages, [(root, page) for page in pages])
            there = pool.submit(run_pages, [(elsewhere, elsewhere / page.relative_to(root)) for page in pages])
            runs = list(zip(pages, here.result(), there.result()))
    errors, by_example, failed = [], {}, set()
    for page, (first, first_errors), (second, _) in runs:
        errors += first_errors
        for key, example, _call in records.keyed(str(page.relative_to(root)), records.page_calls(page)):
            blocks = masked(first[key], second.get(key, first[key])) if key in first else None
            if key in first and blocks is None:
                errors.append(f"{key}: the output's shape differs between two runs; make the "
                              "example deterministic (freeze or seed what varies).")
            if blocks is None:
                failed.add(key)
            else:
                by_example.setdefault(example, {})[key] = blocks
    recorded = {str(p.relative_to(root)) for p in pages}
    for path in [] if chosen else (root / "snippets").rglob("*" + records.SUFFIX):  # examples no page runs any more
        by_example.setdefault(str(path.relative_to(root / "snippets")).removesuffix(records.SUFFIX) + ".py", {})
    written = 0
    for example, entries in sorted(by_example.items()):
        path = records.path_for(root, example)
        old = records.read(path)
        # Kept: a failed call's last good record, and (when only some pages ran) the others' entries.
        kept = {k: v for k, v in old.items() if k in failed or (chosen and k.split(" · ")[0] not in recorded)}
        entries = {**kept, **entries}
        before = path.read_text(encoding="utf-8") if path.exists() else ""
        if entries:
            records.write(path, example, versions(), entries)
        elif path.exists():
            path.unlink()
        written += (path.read_text(encoding="utf-8") if path.exists() else "") != before
    return errors, written, len(pages)


def check(root):
    """Every call of every page run again and compared with its record; the problems, each
    with a diff and the command that updates the record."""
    pages = pages_with_calls(root)
    runs = list(zip(pages, run_pages([(root, page) for page in pages])))
    problems, wanted = [], {}
    for page, (outputs, errors) in runs:
        page_name = str(page.relative_to(root))
        fix = f"python3 scripts/dev.py record {page_name}"
        problems += [f"{e} (then: {fix})" for e in errors]
        for key, example, _call in records.keyed(page_name, records.page_calls(page)):
            path = records.path_for(root, example)
            wanted.setdefault(path, set()).add(key)
            stored = records.read(path).get(key)
            if stored is None:
                problems.append(f"{key}: no recorded output in {path.relative_to(root)}. Run: {fix}")
            elif key in outputs and not _same(stored, outputs[key]):
                problems.append(f"{key}: the code now gives another output than "
                                f"{path.relative_to(root)} records. Review the diff, then run: {fix}\n"
                                + _diff(stored, outputs[key]))
    for path in sorted((root / "snippets").rglob("*" + records.SUFFIX)):
        for key in sorted(set(records.read(path)) - wanted.get(path, set())):
            problems.append(f"{path.relative_to(root)} records '{key}', which no page shows any more. "
                            "Run: python3 scripts/dev.py record")
    return problems, len(pages)


def _same(stored, actual):
    return len(stored) == len(actual) and all(
        title == t and records.matches(text, a) for (title, text), (t, a) in zip(stored, actual))


def _diff(stored, actual):
    def lines(blocks):
        return [f"--- {title}\n" + "".join(f"  {line}\n" for line in text.split("\n")) for title, text in blocks]
    recorded = "".join(lines(stored)).splitlines(keepends=True)
    now = "".join(lines(actual)).splitlines(keepends=True)
    return "".join(difflib.unified_diff(recorded, now, "recorded", "now", n=2)).rstrip("\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", help="pages to record (default: every page)")
    parser.add_argument("--check", action="store_true", help="run every call again and compare")
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--touch", action="store_true",
                        help="mark the pages' records as fresh even if unchanged (for dev.py serve)")
    args = parser.parse_args()
    root = args.root.resolve()
    if args.check:
        problems, pages = check(root)
        for problem in problems:
            print(f"  - {problem}")
        print(f"outputs: {pages} pages run again, {len(problems)} problems")
        return 1 if problems else 0
    errors, written, pages = record(root, args.pages or None)
    if args.touch:
        for page in args.pages:
            for _, example, _ in records.keyed(page, records.page_calls(root / page)):
                if (path := records.path_for(root, example)).exists():
                    path.touch()
    for error in errors:
        print(f"  - {error}")
    print(f"record: {pages} pages run, {written} record files changed"
          + (f", {len(errors)} calls failed (their old records are kept)" if errors else ""))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
