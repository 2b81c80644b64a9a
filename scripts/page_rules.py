"""The rules a page and its snippets follow before anything is built (check stage 1).

Each problem is one line that names the file (and line) and says how to fix it:
  - a page includes a snippet file or section that does not exist;
  - a snippet section is opened and never closed, closed and never opened, or opened twice;
  - a snippet is included by no page, and run by none of their macros;
  - a page types more than three lines of Python or Jinja inline;
  - a line of an excerpt a page shows is longer than a code block fits at 1280 px (WIDTH);
  - a page's front matter is not YAML or has no `description:`.
"""

import re
from collections import Counter

import yaml

from record import records  # the recorded outputs next to the examples are not examples

INCLUDE = re.compile(r'--8<--\s+"([^"]+)"')
RUN_BY_MACRO = re.compile(r'\{@\s*(?:http|run)\(\s*"([^"]+)"')  # an example a page runs, not shows
SECTION = re.compile(r"--8<-- \[(start|end):([\w-]+)\]")
WIDTH = 80  # characters a code block shows at 1280 px (Material's content column, inside a tab)
FENCE = re.compile(r"^\s*(`{3,}|~{3,})\s*(\w[\w+-]*)?")
INLINE_LANGS = {"py", "python", "pycon", "jinja", "jinja2", "html+jinja", "j2"}
NOT_SNIPPETS = {"__pycache__"}


def snippet_files(root):
    for path in sorted((root / "snippets").rglob("*")):
        if path.is_file() and not NOT_SNIPPETS & set(path.parts) and not path.name.endswith(records.SUFFIX):
            if not (path.name == "__init__.py" and not path.read_text().strip()):
                yield path


def check_pages(root):
    problems, included = [], set()
    for page in sorted((root / "docs").rglob("*.md")):
        name = page.relative_to(root)
        lines = page.read_text(encoding="utf-8").splitlines()
        if problem := front_matter_problem(lines):
            problems.append(f"{name}: {problem}")
        included |= {root / "snippets" / example for example in RUN_BY_MACRO.findall("\n".join(lines))}
        for number, line in enumerate(lines, 1):
            for spec in INCLUDE.findall(line):
                problems += include_problems(root, f"{name}:{number}", spec, included)
        problems += inline_code(name, lines)
    for path in snippet_files(root):
        problems += section_problems(path.relative_to(root), path.read_text(errors="replace"))
        if path not in included:
            problems.append(f"{path.relative_to(root)} is not included or run by any page. Include it with "
                            f'--8<-- "{path.relative_to(root / "snippets")}" where it is taught, or delete it.')
    return problems


def include_problems(root, where, spec, included):
    file, _, section = spec.partition(":")
    target = root / "snippets" / file
    included.add(target)
    if not target.is_file():
        return [f"{where} includes snippets/{file}, which does not exist. "
                "Fix the path (it is relative to snippets/) or add the file."]
    have = sorted({name for kind, name in SECTION.findall(target.read_text()) if kind == "start"})
    if section and section not in have:
        return [f"{where} includes section '{section}' of snippets/{file}, which has no such section "
                f"(it has: {', '.join(have) or 'none'}). "
                f"Mark it with '# --8<-- [start:{section}]' and '# --8<-- [end:{section}]'."]
    return [f"snippets/{file}:{number} is {length} characters long, and {where.split(':')[0]} shows it: "
            f"a code block fits {WIDTH} at 1280 px, so the reader would scroll sideways. Wrap it."
            for number, length in shown_widths(target, section) if length > WIDTH]


def shown_widths(path, section):
    """(line number, length) of each line a page shows of a snippet: the section, dedented as
    pymdownx.snippets does (dedent_subsections), or the whole file less its markers."""
    lines = path.read_text(errors="replace").splitlines()
    if section:
        starts = [n for n, line in enumerate(lines) if f"[start:{section}]" in line]
        ends = [n for n, line in enumerate(lines) if f"[end:{section}]" in line]
        if not starts or not ends:
            return []
        chosen = [(n, lines[n]) for n in range(starts[0] + 1, ends[0]) if "--8<--" not in lines[n]]
    else:
        chosen = [(n, line) for n, line in enumerate(lines) if "--8<--" not in line]
    indent = min((len(line) - len(line.lstrip()) for _, line in chosen if line.strip()), default=0)
    return [(n + 1, len(line) - indent) for n, line in chosen if line.strip()]


def section_problems(name, text):
    """An unclosed section runs the include to the end of the file; a stray end or a second start
    of one name makes pymdownx.snippets show something else than the page means."""
    problems, open_at, starts = [], {}, Counter()
    for number, line in enumerate(text.splitlines(), 1):
        for kind, section in SECTION.findall(line):
            if kind == "start":
                starts[section] += 1
                if starts[section] == 2:
                    problems.append(f"{name}:{number} starts section '{section}' a second time. "
                                    "Give each section its own name.")
                open_at[section] = number
            elif section in open_at:
                del open_at[section]
            else:
                problems.append(f"{name}:{number} ends section '{section}', which was not started "
                                f"above. Add '# --8<-- [start:{section}]' where it begins, or remove the line.")
    for section, number in open_at.items():
        problems.append(f"{name}:{number} starts section '{section}' and never ends it, so a page "
                        f"would include the rest of the file. Add '# --8<-- [end:{section}]'.")
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
