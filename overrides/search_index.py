"""MkDocs hook: a search index the reader's browser can load and index in a blink.

Material's search plugin writes every section's whole text, code blocks, "Try it" outputs and
markup included (about 2 MB for this guide), and the browser downloads all of it on the first
page and indexes it before the first result can show. After that plugin has written
search/search_index.json, each section becomes:

  title   as it was (its heading; boosted x1000)
  tags    as they were (the page's; boosted x1,000,000)
  text    its first line of prose, as plain text: what a result shows under its title
  words   a field of our own, indexed but never shown: the section's other words, as often as
          it uses them (up to REPEATS), and only at the first section of the page that uses
          them; the page stays findable by every word it has, the section using a word most
          still ranks high for it, and a result points at the section that introduces the word

Left out:
  - code blocks and their outputs (`<pre>`), and markup;
  - lunr's stop words (its own pipeline drops them anyway) and file paths (no reader types
    "tests/routing/test_x.py", and no shorter prefix of it finds it);
  - a plain English word on more than 1 section in COMMON ("without", "returns"): it says
    little about which section to show, and such words are most of the bytes. In a title, a
    first line, a tag or inline code it stays; API names and anything with a digit, dot,
    underscore or slash in it are always kept;
  - pages made of other pages' text (the cheat sheets, the tags page) keep their own entry only:
    a section named after the page it repeats would compete with that page for its title.

Material's worker indexes every field the index's config lists, so `words` needs no change to
the theme. Its plugin parses each page's HTML for the index, and highlighted code is most of the
tags it would parse only for this hook to drop: it is handed the page with every `<pre>` emptied,
and the page gets its code back before its template is rendered.

The offline zip inlines this same file (Material's offline plugin runs after the compaction).
The page itself loads only search/search_config.json, the config without the sections: the
search worker fetches the sections (docs/assets/javascripts/workers/search-early.js).
"""

import collections
import html
import json
import re
from pathlib import Path

from mkdocs.plugins import CombinedEvent, event_priority

INDEX = Path("search") / "search_index.json"
PAGE_COPY = "search_config.json"  # beside it: the index as the page loads it (config only)
TEASER = 80  # characters of a section's first line shown in a result
REPEATS = 3  # a word stands in `words` as often as its section uses it, up to this
COMMON = 200  # a plain word on more than 1 section in COMMON is not indexed in `words`
DUPLICATES = ("/cheat-sheet/", "/questions/tags/")  # pages made of other pages' text
# lunr's English stop-word list (lunr.stopWordFilter), as Material 9.8.1's worker has it.
STOP_WORDS = frozenset("""
a able about across after all almost also am among an and any are as at be because been but by
can cannot could dear did do does either else ever every for from get got had has have he her
hers him his how however i if in into is it its just least let like likely may me might most
must my neither no nor not of off often on only or other our own rather said say says she
should since so some than that the their them then there these they this tis to too twas us
wants was we were what when where which while who whom why will with would yet you your
""".split())
PRE = re.compile(r"<pre\b.*?</pre>", re.DOTALL)
PRE_INSIDE = re.compile(r"(<pre\b[^>]*>).*?(</pre>)", re.DOTALL)
# What Material's search plugin removes from page.content once it has indexed the page.
SEARCH_ATTRIBUTES = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")
CODE = re.compile(r"<code>(.*?)</code>", re.DOTALL)
TAG = re.compile(r"<[^>]*>")
SPACE = re.compile(r"\s+")
PLAIN_WORD = re.compile(r"[a-z']+")
CALL_PUNCTUATION = re.compile(r"[()\[\]{}<>\"`“”=,|:;!?*&@%#+~$^\\]+")  # never inside a name (an apostrophe is: "flask's")
FILE = re.compile(r"[\w.]+(/[\w.]+)+\.\w+")  # tests/routing/test_x.py: found by no prefix a reader types
PARSED = {}  # section HTML -> its text, inline-code words, words: a serve rebuild redoes one page
LEADING, TRAILING = "\"'“‘([{*", ".,;:!?\"'”’()[]{}*"


def on_config(config):
    """Name the theme's search worker (its file name has a hash) for overrides/main.html, which
    starts docs/assets/javascripts/workers/search-early.js with it as the page starts."""
    for folder in config.theme.dirs:
        for worker in sorted(Path(folder).glob("assets/javascripts/workers/search.*.min.js")):
            config.extra["search_worker"] = worker.relative_to(folder).as_posix()
            return config
    raise ValueError("overrides/search_index.py: the theme has no assets/javascripts/workers/search.*.min.js")


@event_priority(50)  # before Material's search plugin (0)
def _index_without_code(context, page, config, nav):
    page.with_code, page.content = page.content, PRE_INSIDE.sub(r"\1\2", page.content)


@event_priority(-50)  # after it
def _render_with_code(context, page, config, nav):
    page.content = SEARCH_ATTRIBUTES.sub("", page.with_code)


on_page_context = CombinedEvent(_index_without_code, _render_with_code)


def _compact_index(config):
    path = Path(config.site_dir) / INDEX
    if path.exists():
        path.write_text(json.dumps(compact(json.loads(path.read_text(encoding="utf-8"))),
                                   ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


@event_priority(-100)  # after every hook that changes the index (troubleshooting_search.py)
def _write_page_copy(config):
    """What the page itself loads: the config, no sections (docs/assets/javascripts/workers/search-early.js)."""
    path = Path(config.site_dir) / INDEX
    if path.exists():
        index = json.loads(path.read_text(encoding="utf-8"))
        (path.parent / PAGE_COPY).write_text(json.dumps({"config": index["config"], "docs": []}),
                                             encoding="utf-8")


on_post_build = CombinedEvent(_compact_index, _write_page_copy)


def compact(index):
    """The index Material's plugin wrote -> the one the reader loads (see the module's doc)."""
    if "words" in index["config"]["fields"]:
        return index  # already compacted (a serve rebuild that left the file alone)
    separator = re.compile(index["config"]["separator"])

    def tokens(text, parts=False):
        return words_of(text, separator, parts)

    sections = []
    for doc in index["docs"]:
        if (key := (index["config"]["separator"], doc["text"])) not in PARSED:
            html = PRE.sub(" ", doc["text"])
            code = frozenset(tokens(TAG.sub(" ", " ".join(CODE.findall(html))), parts=True))
            text = SPACE.sub(" ", TAG.sub(" ", html)).strip()
            PARSED[key] = text, code, tokens(text, parts=True)
        sections.append((doc, *PARSED[key]))
    used_by = collections.Counter(t for *_, words in sections for t in words)
    common = max(1, len(sections) // COMMON)
    code_on_page = collections.defaultdict(set)  # the words a page shows in inline code
    for doc, _, code, _ in sections:
        code_on_page[doc["location"].split("#")[0]].update(code)

    docs, seen_on_page = [], collections.defaultdict(set)
    for doc, text, _, words in sections:
        page = doc["location"].split("#")[0]
        first_line = teaser(text)
        shown = {*tokens(first_line), *tokens(doc["title"])}
        seen, code = seen_on_page[page], code_on_page[page]
        if any(marker in f"/{doc['location']}" for marker in DUPLICATES):
            if "#" in doc["location"]:
                continue  # a section named after a page it repeats would compete with that page
            kept = set()
        else:
            kept = {t for t in words if t not in seen and t not in shown and not FILE.fullmatch(t)
                    and (t in code or used_by[t] <= common or not PLAIN_WORD.fullmatch(t))}
        seen.update(words, shown)
        entry = {**doc, "text": f"<p>{first_line}</p>" if first_line else ""}
        if kept:  # each as often as the section uses it, up to REPEATS: lunr ranks by that
            entry["words"] = " ".join(t for t in sorted(kept) for _ in range(min(words[t], REPEATS)))
        docs.append(entry)
    config = {**index["config"], "fields": {**index["config"]["fields"], "words": {"boost": 1.0}}}
    return {**index, "config": config, "docs": docs}


def words_of(text, separator, parts=False):
    """How often `text` uses each word, as the worker's tokenizer sees words (split at
    `separator`, lowercased), less the punctuation around them ("url_for()," and "url_for" are
    one word) and lunr's stop words; in order of first use. With `parts`, for `words`: a word
    made of names and call or markup punctuation counts as its names ("isinstance(current_app"
    as isinstance and current_app, "&lt;int:item_id&gt;" as int and item_id): a reader types
    the names, and lunr finds a word only by its start."""
    tokens = separator.split((html.unescape(text) if parts else text).lower())
    if parts:
        tokens = [part for token in tokens for part in CALL_PUNCTUATION.split(token)]
    words = collections.Counter(token.lstrip(LEADING).rstrip(TRAILING) for token in tokens)
    return collections.Counter({w: n for w, n in words.items() if w and w not in STOP_WORDS})


def teaser(text, limit=TEASER):
    """The start of `text`, cut at a space (never inside an entity such as &lt;)."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[:cut if cut > 0 else limit].rstrip(" ,;:") + " …"
