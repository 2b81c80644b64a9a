"""The hook overrides/troubleshooting_search.py: which words of an entry's message it indexes."""

import json
import re
import sys
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "overrides"))
import troubleshooting_search as hook  # noqa: E402

SEPARATOR = re.compile(r"[\s\-]+")


def test_short_stop_and_topic_words_are_left_out():
    words = hook.symptom_words("ImportError: cannot import name 'escape' from 'flask' url_for(x)",
                               SEPARATOR, {"url_for", "imports"}).split()
    assert words == ["importerror", "importerror:", "cannot", "import", "name", "escape", "'escape'"]


def test_the_entries_of_the_index_get_the_field(tmp_path):
    (tmp_path / "search").mkdir()
    docs = tmp_path / "docs"
    (docs / "troubleshooting").mkdir(parents=True)
    (docs / "troubleshooting" / "page.yml").write_text(
        "- id: one\n  query: \"cannot locate\"\n", encoding="utf-8")
    index = {"config": {"separator": r"[\s\-]+", "fields": {"title": {"boost": 1000}}},
             "docs": [{"location": "troubleshooting/page/#one", "title": "Error: Could not locate"},
                      {"location": "routing/x/", "title": "Routing", "tags": ["routing"]}]}
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(index), encoding="utf-8")
    hook.on_post_build(types.SimpleNamespace(site_dir=str(tmp_path), docs_dir=str(docs)))
    written = json.loads((tmp_path / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert written["config"]["fields"]["symptom"] == {"boost": hook.BOOST}
    assert written["docs"][0]["symptom"] == "error error: could locate cannot"
    assert "symptom" not in written["docs"][1]


def test_no_index_no_work(tmp_path):
    hook.on_post_build(types.SimpleNamespace(site_dir=str(tmp_path), docs_dir=str(tmp_path)))
    assert not (tmp_path / "search").exists()
