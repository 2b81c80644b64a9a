"""The search-index hook (overrides/search_index.py): what a section keeps and what it drops."""

import json
import re
import sys
from types import SimpleNamespace

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "overrides"))
import search_index

CONFIG = {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"],
          "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}}
PAGE = ("<p>Sessions keep state between requests in a signed cookie, as this long first line "
        "says at some length.</p><p>Call <code>session.permanent</code> for a lasting cookie; "
        "tests/requests/test_sessions.py checks it.</p>"
        '<pre><code class="language-python">app.secret_key = "only-in-code"</code></pre>')


FIRST = "<p>" + "This first line is long enough to fill the whole teaser a search result shows. " + "</p>"


def doc(location, title, text, tags=("requests",)):
    return {"location": location, "title": title, "text": text, "tags": list(tags)}


def compact(*docs):
    return search_index.compact({"config": CONFIG, "docs": list(docs)})


def by_location(index):
    return {d["location"]: d for d in index["docs"]}


def test_a_section_keeps_title_tags_and_first_line_and_indexes_its_other_words_once():
    index = compact(doc("requests/sessions/", "Sessions", PAGE))
    [entry] = index["docs"]
    assert entry["title"] == "Sessions" and entry["tags"] == ["requests"]
    assert entry["text"] == "<p>Sessions keep state between requests in a signed cookie, as this long first …</p>"
    words = entry["words"].split()
    assert "session.permanent" in words and "lasting" in words  # inline code and prose
    assert words == sorted(set(words))
    assert "cookie" not in words  # in the first line already: indexed there
    assert not {"a", "for", "it", "this"} & set(words)  # lunr's stop words
    assert "tests/requests/test_sessions.py" not in words  # a path: no reader types it
    assert not {"app.secret_key", "only-in-code", '"only'} & set(words)  # code blocks go
    assert index["config"]["fields"]["words"] == {"boost": 1.0}
    assert index["config"]["fields"]["title"] == CONFIG["fields"]["title"]


def test_a_word_is_indexed_at_the_first_section_of_the_page_that_uses_it(monkeypatch):
    monkeypatch.setattr(search_index, "COMMON", 1)  # four sections: no word is common here
    index = by_location(compact(
        doc("routing/", "Routing", "<p>Intro.</p>"),
        doc("routing/#a", "First", FIRST + "<p>Converters turn segments into values.</p>"),
        doc("routing/#b", "Second", FIRST + "<p>Converters again, and segments.</p>"),
        doc("requests/#c", "Other page", FIRST + "<p>Converters elsewhere.</p>"),
    ))
    assert "converters" in index["routing/#a"]["words"].split()
    assert "converters" not in index["routing/#b"].get("words", "").split()
    assert "again" in index["routing/#b"]["words"].split()
    assert "converters" in index["requests/#c"]["words"].split()  # another page: indexed again


def test_a_word_stands_as_often_as_its_section_uses_it_up_to_a_cap(monkeypatch):
    monkeypatch.setattr(search_index, "COMMON", 1)
    index = by_location(compact(
        doc("uploads/", "Uploads", FIRST + "<p>Set <code>MAX_CONTENT_LENGTH</code>, then limits "
            "(MAX_CONTENT_LENGTH, MAX_CONTENT_LENGTH and MAX_CONTENT_LENGTH) and limits.</p>"),
        doc("uploads/#b", "B", FIRST + "<p>MAX_CONTENT_LENGTH again, and parts and parts.</p>"),
    ))
    words = index["uploads/"]["words"].split()
    assert words.count("max_content_length") == search_index.REPEATS == 3  # used 4 times
    assert words.count("limits") == 2
    assert index["uploads/#b"]["words"].split() == ["again", "parts", "parts"]


def test_a_common_plain_word_goes_but_not_in_code_or_with_a_dot():
    many = [doc(f"p{i}/", f"Page {i}", FIRST + f"<p>Whatever happens, request.args {i}.</p>")
            for i in range(search_index.COMMON * 2)]
    coded = doc("code/", "Code", FIRST + "<p>Whatever <code>whatever</code> means.</p>")
    later = [doc("later/", "Later", FIRST + "<p>Whatever, in prose first.</p>"),
             doc("later/#b", "B", FIRST + "<p>Then <code>whatever</code>, in code.</p>")]
    index = by_location(compact(*many, coded, *later))
    assert "whatever" in index["later/"]["words"].split()  # in code further down its page
    assert "whatever" not in index["p1/"]["words"].split()  # on every page: it ranks nothing
    assert "request.args" in index["p1/"]["words"].split()  # an API name always stays
    assert "whatever" in index["code/"]["words"].split()  # in inline code: kept


def test_pages_made_of_other_pages_keep_only_their_own_entry():
    index = by_location(compact(
        doc("routing/cheat-sheet/", "Cheat sheet", "<p>The chapter on one page.</p><p>More.</p>"),
        doc("routing/cheat-sheet/#converters", "Converters", "<p>Converters turn segments.</p>"),
        doc("questions/tags/#tag:cookies", "cookies", "<ul><li>Cookies</li></ul>"),
        doc("routing/converters/", "Converters", "<p>Converters turn segments.</p>"),
    ))
    assert set(index) == {"routing/cheat-sheet/", "routing/converters/"}
    assert index["routing/cheat-sheet/"]["text"] == "<p>The chapter on one page. More.</p>"
    assert "words" not in index["routing/cheat-sheet/"]


def test_the_first_line_is_cut_at_a_space_never_inside_an_entity():
    text = "<p>" + "x" * 70 + " &lt;int:item_id&gt; and more words after it</p>"
    [entry] = compact(doc("routing/", "Routing", text))["docs"]
    assert entry["text"] == "<p>" + "x" * 70 + " …</p>"
    long_word = "<p>" + "y" * 200 + "</p>"
    assert compact(doc("r/", "R", long_word))["docs"][0]["text"] == "<p>" + "y" * 80 + " …</p>"


def test_an_index_already_compacted_is_left_alone():
    once = compact(doc("requests/sessions/", "Sessions", PAGE))
    assert search_index.compact(json.loads(json.dumps(once))) == once


def test_the_hook_rewrites_the_built_index(tmp_path):
    (tmp_path / "search").mkdir()
    path = tmp_path / "search" / "search_index.json"
    path.write_text(json.dumps({"config": CONFIG, "docs": [doc("requests/sessions/", "Sessions", PAGE)]}))
    site = SimpleNamespace(site_dir=str(tmp_path))
    for step in search_index.on_post_build.methods:  # compact, then the page's copy
        step(site)
    written = json.loads(path.read_text())
    assert "words" in written["config"]["fields"] and "<pre" not in path.read_text()
    page_copy = json.loads((tmp_path / "search" / search_index.PAGE_COPY).read_text())
    assert page_copy == {"config": written["config"], "docs": []}
    for step in search_index.on_post_build.methods:  # no index: no-op
        step(SimpleNamespace(site_dir=str(tmp_path / "none")))


@pytest.mark.parametrize("text, words", [
    ("url_for(), url_for and (url_for)", {"url_for": 3}),
    ("“Quoted” 'single' [bracketed]", {"quoted": 1, "single": 1, "bracketed": 1}),
    ("the app-context and a the", {"app": 1, "context": 1}),
])
def test_words_are_split_and_trimmed_as_the_worker_sees_them(text, words):
    assert search_index.words_of(text, re.compile(CONFIG["separator"])) == words


@pytest.mark.parametrize("text, words", [
    ("isinstance(current_app, Flask)", {"isinstance": 1, "current_app": 1, "flask": 1}),
    ("&lt;int:item_id&gt; and redirect(url_for('index'))", {"int": 1, "item_id": 1, "redirect": 1,
                                                            "url_for": 1, "index": 1}),
    ("g.user, @app.errorhandler(404) and tests/x/test_y.py",
     {"g.user": 1, "app.errorhandler": 1, "404": 1, "tests/x/test_y.py": 1}),
])
def test_the_words_field_counts_the_names_inside_a_call_as_a_reader_types_them(text, words):
    # The worker reads "isinstance(current_app" as one word and finds it only by its start.
    assert search_index.words_of(text, re.compile(CONFIG["separator"]), parts=True) == words


def test_the_theme_worker_is_named_for_the_page_and_its_absence_stops_the_build(tmp_path):
    theme = tmp_path / "theme" / "assets" / "javascripts" / "workers"
    theme.mkdir(parents=True)
    config = SimpleNamespace(theme=SimpleNamespace(dirs=[str(tmp_path / "overrides"), str(tmp_path / "theme")]),
                             extra={})
    with pytest.raises(ValueError, match="has no assets/javascripts/workers/search"):
        search_index.on_config(config)
    (theme / "search.0123abcd.min.js").write_text("")
    assert search_index.on_config(config).extra["search_worker"] == "assets/javascripts/workers/search.0123abcd.min.js"
