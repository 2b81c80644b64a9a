"""The "Edit and run" tab of each example that runs in the browser, written into the page.

An `http(...)` call whose example runs in the browser leaves a hidden marker after its blocks
(overrides/macros/outputs.py). Once a page is HTML, each set of content tabs whose markers all
name one example gets "Edit and run" as its last tab: a radio, a label and an empty block, as
pymdownx.tabbed writes its own. A marker outside content tabs, or in a set that shows more than
one example, gets a fold right below it instead. docs/assets/runner.js fills a tab or a fold
the first time the reader opens it.

Written by the build rather than by runner.js, so that the browser lays the page out once: a
tab added after the page is parsed makes it restyle the whole page (the tabs' rules select
siblings), 20 to 85 ms of a slow phone's main thread on a chapter page, and the theme, which
mounts its tabs once, knew the tab only if runner.js had run first. Added after the search
index has read the page (overrides/search_index.py), which has no use for the tabs' words.
Its tags are read as a browser reads them: a comment, a script or a style is skipped, a `<DIV>`
is a div and attributes come in any order (md_in_html rewrites them), but only `<div>` and
`<input>` are followed (the standard library's HTML tokenizer took ten times as long).
(An MkDocs hook: mkdocs.yml `hooks:`.)
"""

import dataclasses
import html
import re

from mkdocs.plugins import event_priority

LABEL = "Edit and run"
NO_SCRIPT = "<noscript><p>Editing and running the example needs JavaScript.</p></noscript>"
TAB_COUNT = re.compile(r'(\bdata-tabs="\d+:)(\d+)"')  # pymdownx.tabbed's "set:tabs"
TAGS = re.compile(r"""<!--.*?-->|<script\b.*?</script\s*>|<style\b.*?</style\s*>
                      |<(?P<closing>/?)(?P<name>div|input)\b(?P<attributes>(?:"[^"]*"|'[^']*'|[^'">])*)>""",
                  re.I | re.S | re.X)
ATTRIBUTE = re.compile(r"""([^\s"'=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")


@event_priority(-60)  # after search_index.py has given the page its code back (-50)
def on_page_context(context, page, config, nav):
    if "ffg-call" in page.content:
        try:
            page.content = with_tabs(page.content)
        except ValueError as error:
            raise ValueError(f"{page.file.src_uri}: {error} (overrides/runner_tabs.py)") from None
    return context


def with_tabs(page_html):
    sets, folds = scan(page_html)
    edits = []  # (start, end, text): page_html[start:end] becomes text
    for tab_set in sets:
        if len({example for example, _ in tab_set.markers}) == 1:
            edits += tab_set.edits(page_html)
        else:
            folds += tab_set.markers
    for example, end in folds:
        edits.append((end, end, f'<details class="example ffg-runner__fold"><summary>{LABEL}</summary>'
                                f'{block("ffg-runner", example)}</details>'))
    for start, end, text in sorted(edits, reverse=True):
        page_html = page_html[:start] + text + page_html[end:]
    return page_html


def block(classes, example):
    return f'<div class="{classes}" data-runnable="{html.escape(example)}">{NO_SCRIPT}</div>'


@dataclasses.dataclass
class TabSet:
    """Where one set of content tabs can take a tab: offsets into the page, and its markers."""
    opening: tuple  # (start, end) of its <div> tag
    radio_name: str = ""
    inputs_end: int = 0  # after its last radio
    labels_end: int = 0  # at the </div> of its labels
    content_end: int = 0  # at the </div> of its blocks
    markers: list = dataclasses.field(default_factory=list)  # (example, end of the marker)

    def edits(self, page_html):
        start, end = self.opening
        count = TAB_COUNT.search(page_html, start, end)
        if not (count and self.radio_name and self.labels_end and self.content_end):
            raise ValueError(f"a set of content tabs unlike pymdownx.tabbed's at offset {start}")
        name, example = self.radio_name, self.markers[0][0]
        return [(count.start(2), count.end(2), str(int(count[2]) + 1)),
                (self.inputs_end, self.inputs_end, f'<input id="{name}_run" name="{name}" type="radio" />'),
                (self.labels_end, self.labels_end, f'<label for="{name}_run">{LABEL}</label>'),
                (self.content_end, self.content_end, block("tabbed-block ffg-runner", example))]


def scan(page_html):
    """The page's sets of content tabs that hold markers, and the markers in no set."""
    open_divs = []  # per open <div>: (its classes, its TabSet or None, its data-example or None)
    sets, loose = [], []
    for tag in TAGS.finditer(page_html):
        closing, name = tag["closing"], (tag["name"] or "").lower()
        parent = open_divs[-1][1] if open_divs else None
        if name == "input" and parent and not parent.labels_end:  # a set's radios come first
            parent.radio_name, parent.inputs_end = attributes(tag["attributes"]).get("name", ""), tag.end()
        elif name == "div" and not closing:
            attrs = attributes(tag["attributes"])
            classes = attrs.get("class", "").split()
            tab_set = TabSet(tag.span()) if "tabbed-set" in classes else None
            sets += [tab_set] if tab_set else []
            open_divs.append((classes, tab_set, attrs.get("data-example") if "ffg-call" in classes else None))
        elif name == "div":
            if not open_divs:
                raise ValueError(f"a </div> that closes nothing at offset {tag.start()}")
            classes, _, example = open_divs.pop()
            parent = open_divs[-1][1] if open_divs else None  # the div around the one closing
            if parent and "tabbed-labels" in classes:
                parent.labels_end = tag.start()
            if parent and "tabbed-content" in classes:
                parent.content_end = tag.start()
            if example is not None:
                owner = next((tab_set for _, tab_set, _ in reversed(open_divs) if tab_set), None)
                (owner.markers if owner else loose).append((example, tag.end()))
    return [tab_set for tab_set in sets if tab_set.markers], loose


def attributes(text):
    return {match[1].lower(): html.unescape(next((v for v in match.groups()[1:] if v is not None), ""))
            for match in ATTRIBUTE.finditer(text)}
