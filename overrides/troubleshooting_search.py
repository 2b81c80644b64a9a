"""MkDocs hook: a troubleshooting entry ranks first for the message it is about.

Material's search appends `*` to every word of a query, so each word also matches the longer
words that start with it, and a page's tags weigh 1,000,000 times a word of its text. A pasted
message is full of short words ("is", "a", "in", "import") that begin some tag on another page
("isolation", "asgi", "interview", "circular imports"), and that page then outranks the one
section written for the message, whatever its heading says.

After the other hooks have written search/search_index.json, this one gives each entry of the
troubleshooting chapter (a section whose anchor is an `id` in docs/troubleshooting/*.yml) a
field of its own, `symptom`, weighted like a tag: the words of its heading and of its `query`,
as the search worker splits them and also without the quotes and colons around them. Left out
of it: short and stop words (each word kept is one more that a query's `a*` or `is*` can hit
in the wrong entry), "flask" (on every page), and any word that begins with a one-word tag, so
a topic query ("url_for", "cookies") still goes to the page tagged for that topic. A tag of
several words ("working outside of context") is a message, and an entry may compete for it. The entry
wins when a query shares several words with its message, as a pasted message does.
tests/browser/test_troubleshooting_search.py checks every entry's query in Chromium.
"""

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from macros.data import read_yaml  # the package mkdocs-macros loads: one parse per file

INDEX = Path("search") / "search_index.json"
BOOST = 1_000_000  # the weight of a tag in Material's search plugin
MIN_LENGTH = 3
STOP_WORDS = frozenset("""a an and are as at be by for from has have in is it its not of on or
that the this to was were will with flask""".split())
STRIP = "\"'“”‘’()[]{}<>:;,.!?`"


def entries(docs_dir):
    """{'troubleshooting/<page>/#<id>': entry} from the chapter's data files."""
    found = {}
    for data in sorted((Path(docs_dir) / "troubleshooting").glob("*.yml")):
        for entry in read_yaml(data) or []:
            if isinstance(entry, dict) and "id" in entry:
                found[f"troubleshooting/{data.stem}/#{entry['id']}"] = entry
    return found


def symptom_words(text, separator, tag_words):
    """The words of `text` as the worker splits them, and each without its punctuation, less
    short words, stop words and words that begin with a tag's word."""
    kept = {}
    for raw in separator.split(text.lower()):
        bare = raw.strip(STRIP)
        if len(bare) < MIN_LENGTH or bare in STOP_WORDS:
            continue
        if any(bare.startswith(tag) for tag in tag_words):
            continue  # "url_for(_external=true)" would answer the topic query "url_for"
        kept.update(dict.fromkeys([bare, raw]))
    return " ".join(kept)


def on_post_build(config):
    path = Path(config.site_dir) / INDEX
    if not path.exists():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    tag_words = {w for doc in index["docs"] for tag in doc.get("tags") or []
                 if len(words := separator.split(tag.lower())) == 1
                 for w in words if len(w) >= MIN_LENGTH}  # a one-word tag names a topic
    chapter = entries(config.docs_dir)
    for doc in index["docs"]:
        if entry := chapter.get(doc["location"]):
            text = f"{doc['title']} {entry.get('query', '')}"
            doc["symptom"] = symptom_words(text, separator, tag_words)
    index["config"]["fields"]["symptom"] = {"boost": BOOST}
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
