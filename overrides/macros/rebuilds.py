"""What a page depends on beyond its Markdown, for `dev.py serve`'s partial rebuilds.

`serve` runs `mkdocs serve --dirty`, which rebuilds only pages whose Markdown changed. A page also
changes when a snippet it includes changes, when the example it runs changes or it shows a call
not yet recorded (then the page is recorded first, in its own process), when one of its records
changes, or when the question data it renders changes. Before each rebuild, delete the built HTML of every such page, so that
MkDocs builds it again. A clean build (check, deploy) has no built HTML, so this does nothing.

Recording runs beside the build: it starts here, and the first record a page reads waits for it
(`recorded`), so MkDocs loads its config, nav and other pages meanwhile (a snippet edit showed
about 0.08 s sooner here: 0.96 s against 1.05 s, medians of 3).
"""

import ast
import functools
import os
import re
import subprocess
import sys
from pathlib import Path

from . import records

INCLUDE = re.compile(r'--8<--\s+"([^":]+)')
QUESTION_MACROS = re.compile(r"\{@\s*(?:question_\w+|wrong_answers|quiz|self_check|study)\(")
CHEAT_SHEET = re.compile(r"\{@\s*cheat_sheet\(")  # printing.py: a sheet made of its chapter's pages
SERVING = "FFG_SERVING"  # set by `dev.py serve`: only then is a page recorded again on an edit
_recording = []  # the `record` run the last refresh started, until it is done


def dependencies(root, source, chapter=None):
    """(files the page shows or reads, examples it runs) for a page's Markdown source."""
    shows = {root / "snippets" / name for name in INCLUDE.findall(source)}
    runs = {root / "snippets" / ast.parse(call, mode="eval").body.args[0].value
            for call in records.CALL_IN_PAGE.findall(records.page_source(root / "docs" / "index.md", source))}
    shows |= {records.path_for(root, str(example.relative_to(root / "snippets"))) for example in runs}
    if QUESTION_MACROS.search(source):
        shows |= set((root / "docs" / "questions").rglob("*.yml"))
    if chapter and CHEAT_SHEET.search(source):
        shows |= set((root / "docs" / chapter).glob("*.md")) | set((root / "docs" / "questions").rglob("*.yml"))
    return shows, runs


def refresh(root, docs, site):
    recorded()  # a failed build (no record read, no post-build) may have left its recording running
    stale_records = []
    read = functools.cache(records.read)  # each record file parsed once a refresh
    edited = edited_snippets(root) if os.environ.get(SERVING) else None
    for page in docs.rglob("*.md"):
        relative = page.relative_to(docs).with_suffix("")
        built = site / (relative.parent if relative.name == "index" else relative) / "index.html"
        if not built.exists():
            continue
        shows, runs = dependencies(root, page.read_text(encoding="utf-8"), relative.parts[0])
        if os.environ.get(SERVING) and needs_recording(root, page, shows, runs, read, edited):
            stale_records.append(page)
        if any(newest(f) > built.stat().st_mtime for f in shows | runs) or page in stale_records:
            built.unlink()
    if stale_records:
        _recording.append(subprocess.Popen([sys.executable, str(root / "scripts" / "record.py"), "--touch",
                                            *map(str, stale_records)], cwd=root))


def recorded():
    """Once the recording the last refresh started has finished (at once if there is none)."""
    while _recording:
        _recording[0].wait()
        _recording.pop(0)


def needs_recording(root, page, shows, runs, read, edited=None):
    """An example newer than its records, or a call on the page that has no record yet.
    `edited`: the snippet files that differ from the last commit (None: not known). An example
    whose files and record are all as the commit has them was proved by the check; their
    dates say nothing then (a clone writes its files in no particular order). An edited
    record counts: an edit saved, recorded, then undone leaves the edit's outputs in it."""
    record_times = [f.stat().st_mtime for f in shows if f.name.endswith(records.SUFFIX) and f.exists()]
    changed = [example for example in runs if edited is None
               or (example_files(example) | {record_of(root, example)}) & edited]
    if any(newest(example) > min(record_times, default=0) for example in changed):
        return True
    page_name = str(page.relative_to(root))
    return any(key not in read(records.path_for(root, example))
               for key, example, _ in records.keyed(page_name, records.page_calls(page)))


def edited_snippets(root):
    """The files under snippets/ that differ from the last commit (untracked ones included),
    or None when git cannot say (no git, or the guide is not the top of a checkout)."""
    git = ["git", "--no-optional-locks", "-C", str(root)]  # no index.lock: a commit may be under way
    try:
        top = subprocess.run([*git, "rev-parse", "--show-toplevel"], capture_output=True, encoding="utf-8",
                             errors="surrogateescape", timeout=30)
        if top.returncode or Path(top.stdout.strip()).resolve() != Path(root).resolve():
            return None
        listed = subprocess.run([*git, "status", "--porcelain", "--untracked-files=all", "-z", "--", "snippets"],
                                capture_output=True, encoding="utf-8", errors="surrogateescape", timeout=30,
                                check=True)
    except (OSError, subprocess.SubprocessError):
        return None
    edited, fields = set(), iter(listed.stdout.split("\0"))
    for field in fields:
        if len(field) > 3:
            edited.add((Path(root) / field[3:]).resolve())
            if {"R", "C"} & set(field[:2]):  # a rename or copy: the next field is the old path
                edited.add((Path(root) / next(fields, "")).resolve())
    return edited


def record_of(root, example):
    return records.path_for(root, str(example.relative_to(root / "snippets"))).resolve()


def package_folder(path):
    """The folder of an example that is a package, else None."""
    if path.is_dir() or path.name == "__init__.py":
        return path if path.is_dir() else path.parent
    return None


def example_files(path):
    """The files an example is made of: its module, or every file of its package's folder."""
    if folder := package_folder(path):
        return {f.resolve() for f in folder.rglob("*") if f.is_file() and "__pycache__" not in f.parts}
    return {path.resolve()}


def newest(path):
    """The latest modification time of a file, or of any file in an example's package."""
    if folder := package_folder(path):
        return max((f.stat().st_mtime for f in folder.rglob("*.py") if "__pycache__" not in f.parts), default=0)
    return path.stat().st_mtime if path.exists() else 0
