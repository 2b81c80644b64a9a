"""Recorded outputs: what a page's `http(...)` and `run(...)` calls showed when they last ran.

`python3 scripts/dev.py record` runs the calls (scripts/record.py, never inside MkDocs) and
writes one file per example, next to it:

    snippets/routing/methods.py  ->  snippets/routing/methods.outputs.txt

An entry is the page and the call, then the blocks the page shows, each line indented by two
spaces so that nothing in an output can be read as a header:

    === docs/routing/routes-and-methods.md · http('routing/methods.py', 'DELETE /articles', status=405)
    --- Request
      DELETE /articles HTTP/1.1
    --- Response
      HTTP/1.1 405 METHOD NOT ALLOWED

A value that differed between two runs at record time (a random token, a timing) is stored as
VARIES, and matches anything when the check runs the call again.
"""

import ast
import re
from pathlib import Path

SUFFIX = ".outputs.txt"
VARIES = "<varies>"
FORMATTING = {"indent", "lang", "brief"}  # options that change how a block looks, not what runs
HEADER = ("# Outputs of {example}, recorded by `python3 scripts/dev.py record` with {versions}.\n"
          "# The check runs every call again and fails on a difference: do not edit by hand.\n")
CALL_IN_PAGE = re.compile(r"\{@\s*((?:http|run)\(.*?\))\s*@\}", re.DOTALL)
# A chapter's self-check questions live in docs/questions/self-check/<chapter>.yml, and their
# calls are the page's: page_source() puts the data where the page's macro renders it.
SELF_CHECK_IN_PAGE = re.compile(r'\{@\s*self_check\(\s*"([\w-]+)"\s*\)\s*@\}')


def page_source(page, text=None):
    """A page's Markdown with each self_check(...) replaced by the data it renders."""
    page = Path(page)
    text = page.read_text(encoding="utf-8") if text is None else text
    docs = next((p for p in page.resolve().parents if p.name == "docs"), page.parent)
    data = docs / "questions" / "self-check"
    return SELF_CHECK_IN_PAGE.sub(lambda m: (data / f"{m[1]}.yml").read_text(encoding="utf-8"), text)


def call_text(name, args, kwargs):
    """The call as an entry names it: its arguments, without the formatting options."""
    shown = [repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items() if k not in FORMATTING]
    return f"{name}({', '.join(shown)})"


def entry_key(page, call, occurrence):
    """'docs/x.md · http(...)', with '· 2nd call' for a repeat of the same call on the page."""
    return f"{page} · {call}" + (f" · call {occurrence}" if occurrence > 1 else "")


def path_for(root, example):
    return Path(root) / "snippets" / (example.removesuffix(".py") + SUFFIX)


def read(path):
    """{entry key: [(block title, text), ...]} from a record file (empty if there is none)."""
    entries, blocks = {}, None
    if not Path(path).exists():
        return entries
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith("=== "):
            blocks = entries.setdefault(line[4:], [])
        elif line.startswith("--- ") and blocks is not None:
            blocks.append([line[4:], []])
        elif blocks and not line.startswith("#"):
            blocks[-1][1].append(line[2:])
    return {key: [(title, "\n".join(lines).rstrip("\n")) for title, lines in value]
            for key, value in entries.items()}


def write(path, example, versions, entries):
    out = [HEADER.format(example=f"snippets/{example}", versions=versions)]
    for key in sorted(entries):
        out.append(f"\n=== {key}\n")
        for title, text in entries[key]:
            out.append(f"--- {title}\n")
            out += [f"  {line}".rstrip() + "\n" for line in text.rstrip("\n").split("\n")]
    Path(path).write_text("".join(out), encoding="utf-8")


def matches(recorded, actual):
    """Whether a block ran again gives the recorded text, a VARIES standing for any value.
    Trailing spaces and blank lines are not kept in a record, so they do not count."""
    actual = "\n".join(line.rstrip() for line in actual.split("\n")).rstrip("\n")
    pattern = "".join(r"[^\n]+?" if part == VARIES else re.escape(part)
                      for part in re.split(f"({re.escape(VARIES)})", recorded))
    return re.fullmatch(pattern, actual) is not None


def page_calls(page):
    """[(name, args, kwargs), ...] of the page's http/run calls, in the order it shows them."""
    calls = []
    for text in CALL_IN_PAGE.findall(page_source(page)):
        node = ast.parse(text, mode="eval").body
        calls.append((node.func.id, [ast.literal_eval(a) for a in node.args],
                      {k.arg: ast.literal_eval(k.value) for k in node.keywords}))
    return calls


def keyed(page_name, calls):
    """[(entry key, example, call), ...]: repeats of one call on a page are counted."""
    seen, out = {}, []
    for name, args, kwargs in calls:
        text = call_text(name, args, kwargs)
        seen[text] = seen.get(text, 0) + 1
        out.append((entry_key(page_name, text, seen[text]), args[0], text))
    return out
