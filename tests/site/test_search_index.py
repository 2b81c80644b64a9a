"""The search index of the built site: within its budget, and still finding what pages teach.

Every page loads search/search_index.json on a first visit, so the index is part of each page's
weight (`python3 scripts/dev.py bench` measures the whole visit: <= 250 kB gzip). The hook that
writes it is overrides/search_index.py; tests/harness/test_search_index.py tests its rules.
"""

import gzip
import json
import re
import sys
from collections import defaultdict

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "overrides"))
import search_index

# 250 kB for a whole first visit, less what the heaviest page loads besides the index (its HTML,
# the theme's CSS and JavaScript, the search worker: about 110 kB).
BUDGET = 140_000
ARTICLE = re.compile(r"<article\b.*?</article>", re.DOTALL)


@pytest.fixture(scope="module")
def index(site):
    return json.loads((site / search_index.INDEX).read_text(encoding="utf-8"))


def test_the_index_fits_its_budget(site):
    raw = (site / search_index.INDEX).read_bytes()
    size = len(gzip.compress(raw, compresslevel=6))
    assert size <= BUDGET, (
        f"search/search_index.json is {size / 1000:.1f} kB gzip, over its {BUDGET / 1000:.0f} kB: "
        "every first visit loads it (see overrides/search_index.py for what it keeps)")


def test_the_index_is_the_compact_one(index):
    assert index["config"]["fields"]["words"] == {"boost": 1.0}
    assert not [d["location"] for d in index["docs"] if "<pre" in d["text"] or "<code" in d["text"]]
    assert not [d["location"] for d in index["docs"] if "/cheat-sheet/#" in f"/{d['location']}"]


def test_every_api_name_in_a_pages_prose_is_still_indexed_for_that_page(site, index):
    """Each name a page shows in inline code (`url_for`, `MAX_CONTENT_LENGTH`, and in
    `isinstance(current_app, Flask)` each of isinstance, current_app and flask) finds that page:
    it is a word of the index as the worker reads it, or a whole name at the start of one
    ("metadata(naming_convention=...)" in a heading: the theme adds a trailing wildcard to every
    word of a query)."""
    separator = re.compile(index["config"]["separator"])
    indexed = defaultdict(set)
    for doc in index["docs"]:
        text = " ".join([doc["title"], doc["text"], *doc.get("tags", [])])
        page = doc["location"].split("#")[0]
        indexed[page].update(search_index.words_of(search_index.TAG.sub(" ", text), separator))
        indexed[page].update(doc.get("words", "").split())
    missing = {}
    for page in sorted(indexed):
        if any(marker in f"/{page}" for marker in search_index.DUPLICATES):
            continue
        html = (site / page / "index.html").read_text(encoding="utf-8")
        article = search_index.PRE.sub(" ", "".join(ARTICLE.findall(html)))
        code = " ".join(search_index.TAG.sub(" ", c) for c in search_index.CODE.findall(article))
        lost = [w for w in search_index.words_of(code, separator, parts=True)
                if not search_index.FILE.fullmatch(w) and not any(starts_with_name(t, w) for t in indexed[page])]
        if lost:
            missing[page] = lost
    assert not missing, missing


def starts_with_name(word, name):
    rest = word[len(name):]
    return word.startswith(name) and not (rest[:1].isalnum() or rest[:1] == "_")
