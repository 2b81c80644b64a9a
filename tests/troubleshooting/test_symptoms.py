"""The troubleshooting chapter's data (docs/troubleshooting/<page>.yml) against its pages.

Each page of the chapter but index.md has a yml listing its entries in page order. These checks
hold every entry to the format of the chapter: its heading and anchor are on the page in the
same order, the message it names was produced by running code (it is in the record of a
`run`/`http` call, or in a transcript file, under that heading), a test reproduces it, and the
data points at pages, bank questions and public threads that exist. A page without a yml yet
passes only while it has no `## ` heading, so a half-written page cannot slip through.
"""

import ast
import re
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CHAPTER = ROOT / "docs" / "troubleshooting"
sys.path.insert(0, str(ROOT / "overrides"))
from macros import records  # noqa: E402  (the format the build reads)

PAGES = sorted(p for p in CHAPTER.glob("*.md") if p.name != "index.md")
FIELDS = {"id", "symptom", "query", "sources", "test", "teaches", "question"}
ENTRY_HEADING = re.compile(r"^## (?P<title>.+?) \{#(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)\}$")
TRANSCRIPT = re.compile(r'--8<-- "(?P<path>[^":]+\.(?:txt|log|json))"')
BANK = yaml.safe_load((ROOT / "docs" / "questions" / "bank.yml").read_text(encoding="utf-8"))
BANK_IDS = {q["id"]: BANK["topics"][q["topic"]]["page"] for q in BANK["questions"]}
# The chapter's target (issue 20): at least this many entries over all its pages. Each of the
# three engineers writing the chapter adds at least 21, so this fails until all pages are done.
CHAPTER_TARGET = 60


def entries_of(page):
    yml = page.with_suffix(".yml")
    if not yml.exists():
        return None
    return yaml.safe_load(yml.read_text(encoding="utf-8")) or []


def all_entries():
    return [(page, entry) for page in PAGES for entry in (entries_of(page) or [])]


def sections(page):
    """[(heading line, id or None, section text, offset in the page), ...] for `## ` headings.
    Headings inside fenced code blocks are not headings."""
    text = page.read_text(encoding="utf-8")
    found, fence, offset = [], None, 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            fence = None if fence and stripped.startswith(fence) else (fence or stripped[:3])
        elif fence is None and line.startswith("## "):
            match = ENTRY_HEADING.match(line.rstrip("\n"))
            found.append([line.rstrip("\n"), match and match["id"], offset])
        offset += len(line)
    out = []
    for number, (heading, anchor, start) in enumerate(found):
        end = found[number + 1][2] if number + 1 < len(found) else len(text)
        out.append((heading, anchor, text[start:end], start))
    return out


def recorded_outputs(page, start, end):
    """[(call, recorded text or None), ...] of the run/http calls between start and end."""
    text = page.read_text(encoding="utf-8")
    page_name = str(page.relative_to(ROOT))
    matches = list(records.CALL_IN_PAGE.finditer(text))
    keyed = records.keyed(page_name, records.page_calls(page))
    out = []
    for match, (key, example, call) in zip(matches, keyed):
        if start <= match.start() < end:
            blocks = records.read(records.path_for(ROOT, example)).get(key)
            out.append((call, None if blocks is None else "\n".join(t for _, t in blocks)))
    return out


def names_a_test(reference):
    path, _, name = reference.partition("::")
    name = name.split("[")[0]
    if not path.startswith("tests/troubleshooting/") or not (ROOT / path).is_file():
        return False
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    return any(isinstance(node, ast.FunctionDef) and node.name == name for node in ast.walk(tree))




@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_page_entries_match_their_data(page):
    entries = entries_of(page)
    found = sections(page)
    if entries is None:
        assert not found, (f"{page.name} has `## ` headings but no {page.with_suffix('.yml').name}: "
                           "add the yml (one item per entry, in page order)")
        return
    problems = []
    assert isinstance(entries, list) and entries, f"{page.with_suffix('.yml').name}: a list of entries"
    for heading, anchor, _, _ in found:
        if anchor is None:
            problems.append(f"heading without an explicit kebab-case anchor: {heading!r} "
                            "(every `## ` heading of the chapter is an entry: `## Symptom {#id}`)")
    page_ids = [anchor for _, anchor, _, _ in found if anchor]
    data_ids = [entry.get("id") for entry in entries if isinstance(entry, dict)]
    if page_ids != data_ids:
        problems.append(f"ids in the yml {data_ids} differ from the page's headings, in order, {page_ids}")
    by_id = {anchor: (text, start) for _, anchor, text, start in found if anchor}
    for entry in entries:
        if not isinstance(entry, dict):
            problems.append(f"not a mapping: {entry!r}")
            continue
        name = entry.get("id", "?")
        if missing := FIELDS - entry.keys():
            problems.append(f"{name}: missing fields {sorted(missing)}")
        if extra := entry.keys() - FIELDS:
            problems.append(f"{name}: unknown fields {sorted(extra)}")
        for field in ("symptom", "query"):
            if not isinstance(entry.get(field), str) or not entry.get(field).strip():
                problems.append(f"{name}: `{field}` must be a non-empty string")
        sources = entry.get("sources")
        if not isinstance(sources, list) or not 1 <= len(sources) <= 3:
            problems.append(f"{name}: `sources` is a list of 1-3 URLs")
        else:
            problems += [f"{name}: source is not an https URL: {s!r}" for s in sources
                         if not isinstance(s, str) or not re.fullmatch(r"https://[^\s/]+/\S*", s)]
        if not isinstance(entry.get("test"), str) or not names_a_test(entry["test"]):
            problems.append(f"{name}: `test` must name a test function in tests/troubleshooting/, "
                            f"as tests/troubleshooting/test_x.py::test_name (got {entry.get('test')!r})")
        teaches = entry.get("teaches")
        if not isinstance(teaches, list) or not teaches:
            problems.append(f"{name}: `teaches` is a non-empty list of pages under docs/")
            teaches = []
        for target in teaches:
            if not (ROOT / "docs" / str(target).partition("#")[0]).is_file():
                problems.append(f"{name}: `teaches` names no page: docs/{target}")
        question = entry.get("question")
        if question is not None and question not in BANK_IDS:
            problems.append(f"{name}: `question` {question!r} is not an id in docs/questions/bank.yml")
        if name not in by_id:
            continue
        text, start = by_id[name]
        for label in ("**Cause.**", "**Fix.**", "**Learn why:**"):
            if label not in text:
                problems.append(f"{name}: the section has no {label}")
        learn = text.partition("**Learn why:**")[2].split("\n\n")[0]
        for target in teaches:
            if f"(../{target})" not in learn:
                problems.append(f"{name}: **Learn why:** does not link `teaches` ../{target}")
        if question is not None and f"(../questions/{BANK_IDS.get(question)}#q-{question})" not in learn:
            problems.append(f"{name}: **Learn why:** does not link its question "
                            f"../questions/{BANK_IDS.get(question)}#q-{question}")
        problems += symptom_shown(page, entry, text, start)
    assert not problems, f"{page.name}:\n  " + "\n  ".join(problems)


def symptom_shown(page, entry, text, start):
    """The entry's symptom must be in what a call or transcript under its heading shows."""
    name, symptom = entry.get("id"), entry.get("symptom")
    outputs = recorded_outputs(page, start, start + len(text))
    transcripts = [ROOT / "snippets" / m["path"] for m in TRANSCRIPT.finditer(text)]
    if not outputs and not transcripts:
        return [f"{name}: the section shows no run()/http() output and no transcript include"]
    problems = [f"{name}: no record for {call}: run .venv/bin/python scripts/record.py "
                f"{page.relative_to(ROOT)}" for call, shown in outputs if shown is None]
    shown = [s for _, s in outputs if s] + [p.read_text(encoding="utf-8") for p in transcripts
                                            if p.is_file()]
    problems += [f"{name}: transcript not found: {p.relative_to(ROOT)}" for p in transcripts
                 if not p.is_file()]
    if isinstance(symptom, str) and not any(symptom in s for s in shown):
        problems.append(f"{name}: the symptom {symptom!r} is not in the output shown under its heading")
    return problems


def test_every_yml_has_its_page():
    orphans = [y.name for y in CHAPTER.glob("*.yml") if not y.with_suffix(".md").exists()]
    assert not orphans, f"a yml with no page: {orphans}"


def test_ids_are_unique_across_the_chapter():
    seen = {}
    for page, entry in all_entries():
        seen.setdefault(entry.get("id") if isinstance(entry, dict) else None, []).append(page.name)
    repeated = {anchor: pages for anchor, pages in seen.items() if len(pages) > 1}
    assert not repeated, f"ids used more than once: {repeated}"


def test_queries_are_unique_across_the_chapter():
    seen = {}
    for page, entry in all_entries():
        seen.setdefault(entry.get("query") if isinstance(entry, dict) else None, []).append(entry)
    repeated = [query for query, found in seen.items() if len(found) > 1]
    assert not repeated, f"one query cannot rank two entries first: {repeated}"


def test_chapter_target_at_least_60_entries():
    """THE CHAPTER'S TARGET, not a format check: issue 20 asks for 60 entries or more over all
    pages. It fails while the chapter is being written; that is expected until it is done."""
    counts = {page.stem: len(entries_of(page) or []) for page in PAGES}
    assert sum(counts.values()) >= CHAPTER_TARGET, (
        f"the chapter has {sum(counts.values())} entries, its target is {CHAPTER_TARGET}: {counts}")
