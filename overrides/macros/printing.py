"""A chapter's cheat sheet: the page to print for a last look before the interview.

    {@ cheat_sheet() @}     on docs/<chapter>/cheat-sheet.md

It is rendered from the chapter's own pages, so nothing is written twice:
  - the "In an interview" bullets that end docs/<chapter>/self-check.md;
  - the "Key points" bullets that end each topic page, in the order of `nav:`;
  - the self-check questions with their answers (and key points, where a card has them), from
    the question data (docs/questions/self-check/<chapter>.yml, read by questions.py's
    `self_check_cards`), or from the `??? question` folds of self-check.md where it has none.

Answers are shown open and without their "Try it" tabs: a record belongs to the page that makes
the call (outputs.py), and the self-check page, which is in the printed guide too, shows them.
The cheat sheet sits in the chapter's folder, so the links of all three parts work unchanged.
"""

import re
from pathlib import Path

from . import questions

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SELF_CHECK_DATA = DOCS / "questions" / "self-check"
NOT_TOPICS = {"index.md", "self-check.md", "cheat-sheet.md"}
QUESTION = re.compile(r'^\?\?\?\+? question "(.*)"\s*$')


def define(env):
    @env.macro
    def cheat_sheet(chapter=None):
        """The chapter's interview answer, its key points page by page, its self-check."""
        chapter = chapter or Path(env.page.file.src_uri).parent.as_posix()
        checks = DOCS / chapter / "self-check.md"
        interview = final_block(checks, "In an interview") if checks.exists() else None
        if interview is None:
            raise ValueError(f"cheat_sheet({chapter!r}): docs/{chapter}/self-check.md does not "
                             'end with !!! abstract "In an interview"')
        out = ["## In an interview\n", '!!! abstract ""', *interview, ""]  # untitled: the heading says it
        out.append("## Key points, page by page\n")
        for page in topic_pages(env.conf["nav"], chapter):
            points = final_block(DOCS / page, "Key points")
            if points:  # a page without them (Flask 3.2's preview) has nothing to add here
                out += [f"### [{title_of(DOCS / page)}]({Path(page).name})\n",
                        *(line[4:] for line in points), ""]
        out.append("## Self-check, with answers\n")
        for number, (question, answer, points) in enumerate(self_check(chapter), 1):
            out += [f"{number}. **{question}**\n", indent(without_tabs(answer)), ""]
            if points:
                out += ["    Key points:\n", *(f"    - {point}" for point in points), ""]
        return "\n".join(out)


def body(path):
    text = path.read_text(encoding="utf-8")
    return text.split("\n---\n", 1)[1] if text.startswith("---\n") else text


def final_block(path, title):
    """The bullet lines (indented four) of the page's last admonition `!!! abstract "<title>"`,
    with any line that continues a bullet; None if the page does not end with one."""
    found = re.search(r'^!!! abstract "%s"\n((?:    .*\n|\n)+)\Z' % re.escape(title),
                      body(path).rstrip() + "\n", re.M)
    return [line for line in found.group(1).splitlines() if line.strip()] if found else None


def title_of(path):
    found = re.search(r"^# (.+)$", body(path), re.M)
    return found.group(1).strip() if found else path.stem.replace("-", " ").capitalize()


def topic_pages(nav, chapter):
    """The chapter's topic pages (docs-relative paths) in the order `nav:` lists them."""
    def walk(items):
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                yield from walk(value)
            else:
                yield value
    return [p for p in walk(nav) if p.startswith(f"{chapter}/") and Path(p).name not in NOT_TOPICS]


def self_check(chapter):
    """(question, answer Markdown, key points) of each self-check question: from the question
    data through questions.py's loader once it is there, else from the self-check page."""
    loader = getattr(questions, "self_check_cards", None)
    if loader and (SELF_CHECK_DATA / f"{chapter}.yml").exists():
        return [(c["question"], c["answer"].strip(), c.get("key_points") or [])
                for c in loader(chapter)]
    return [(q, a, []) for q, a in from_page(DOCS / chapter / "self-check.md")]


def from_page(path):
    """Each `??? question "..."` of the page and the indented answer under it."""
    pairs, current = [], None
    for line in body(path).splitlines():
        if found := QUESTION.match(line):
            current = (found.group(1), [])
            pairs.append(current)
        elif current is not None and (line.startswith("    ") or not line.strip()):
            current[1].append(line[4:])
        else:
            current = None
    return [(question, "\n".join(lines).strip()) for question, lines in pairs]


def without_tabs(answer):
    """The answer without its content tabs (`=== "Try it"` and what they hold)."""
    kept, in_tab = [], False
    for line in answer.splitlines():
        if line.startswith("=== "):
            in_tab = True
        elif in_tab and line.strip() and not line.startswith("    "):
            in_tab = False
        if not in_tab:
            kept.append(line)
    return "\n".join(kept).strip()


def indent(text):
    return "\n".join("    " + line if line.strip() else "" for line in text.splitlines())
