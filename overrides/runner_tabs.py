"""The "Edit and run" tab of each example that runs in the browser, written into the page.

An `http(...)` call whose example runs in the browser leaves a hidden marker after its blocks
(overrides/macros/outputs.py). Once a page is HTML, each set of content tabs whose markers all
name one example gets a third tab, "Edit and run", after "Code" and "Try it": a radio, a label
and an empty block, as pymdownx.tabbed writes its own. A marker outside content tabs, or in a
set that shows more than one example, gets a fold below it instead. docs/assets/runner.js fills
a tab or a fold the first time the reader opens it.

Written by the build rather than by runner.js, so that the browser lays the page out once: a
tab added after the page is parsed makes it restyle the whole page (the tabs' rules select
siblings), 20 to 85 ms of a slow phone's main thread on a chapter page, and the theme, which
mounts its tabs once, knew the tab only if runner.js had run first. Added after the search
index has read the page (overrides/search_index.py), which has no use for the tabs' words.
(An MkDocs hook: mkdocs.yml `hooks:`.)
"""

import html as markup
import re

from mkdocs.plugins import event_priority

DIV = re.compile(r"<div\b[^>]*>|</div>")
MARKER = re.compile(r'<div class="ffg-call" hidden data-example="([^"]*)"')
INPUTS = re.compile(r"(?:<input\b[^>]*>)+")
NAME = re.compile(r'\bname="([^"]+)"')
TAB_COUNT = re.compile(r'(data-tabs="\d+:)(\d+)"')
LABEL = "Edit and run"
NO_SCRIPT = "<noscript><p>Editing and running the example needs JavaScript.</p></noscript>"


@event_priority(-60)  # after search_index.py has given the page its code back (-50)
def on_page_context(context, page, config, nav):
    if 'class="ffg-call"' in page.content:
        page.content = with_tabs(page.content)
    return context


def with_tabs(html):
    sets, folds = tab_sets(html)
    edits = []  # (start, end, text): html[start:end] becomes text
    for tab_set in sets.values():
        examples = {example for example, _ in tab_set["markers"]}
        if len(examples) != 1:
            folds.extend(tab_set["markers"])
            continue
        edits.extend(tab(html, tab_set, examples.pop()))
    for example, end in folds:
        edits.append((end, end, f'<details class="example ffg-runner__fold"><summary>{LABEL}</summary>'
                           f'{block("ffg-runner", example)}</details>'))
    for start, end, text in sorted(edits, reverse=True):
        html = html[:start] + text + html[end:]
    return html


def tab_sets(html):
    """The sets of content tabs that hold markers, by where each starts: where its inputs, its
    labels and its content end, and its own markers (example, end); and the markers in no set."""
    stack = []  # (start, classes) of each open <div>
    sets, loose = {}, []
    for match in DIV.finditer(html):
        tag = match.group(0)
        if tag != "</div>":
            classes = (re.search(r'\bclass="([^"]*)"', tag) or [None, ""])[1].split()
            stack.append((match.start(), classes))
            marker = MARKER.match(tag)
            if marker:
                owner = next((start for start, kind in reversed(stack[:-1]) if "tabbed-set" in kind), None)
                end = html.index("</div>", match.end()) + len("</div>")
                found = (markup.unescape(marker.group(1)), end)
                (sets.setdefault(owner, {"markers": []})["markers"] if owner is not None else loose).append(found)
            if "tabbed-set" in classes:
                sets.setdefault(match.start(), {"markers": []})["open"] = match
            continue
        start, classes = stack.pop()
        parent = stack[-1] if stack else None
        if parent and "tabbed-set" in parent[1]:
            for part in ("tabbed-labels", "tabbed-content"):
                if part in classes:
                    sets.setdefault(parent[0], {"markers": []})[part] = match.start()
    return {start: found for start, found in sets.items() if found["markers"]}, loose


def tab(html, tab_set, example):
    opening = tab_set["open"]
    inputs = INPUTS.match(html, opening.end())
    name = NAME.search(inputs.group(0))[1]
    count = TAB_COUNT.search(opening.group(0))
    if count:  # "set:tabs", pymdownx.tabbed's own count
        yield opening.start() + count.start(2), opening.start() + count.end(2), str(int(count[2]) + 1)
    yield inputs.end(), inputs.end(), f'<input id="{name}_run" name="{name}" type="radio" />'
    yield tab_set["tabbed-labels"], tab_set["tabbed-labels"], f'<label for="{name}_run">{LABEL}</label>'
    yield tab_set["tabbed-content"], tab_set["tabbed-content"], block("tabbed-block ffg-runner", example)


def block(classes, example):
    return f'<div class="{classes}" data-runnable="{markup.escape(example)}">{NO_SCRIPT}</div>'
