"""The build's macros (overrides/macros/) render known records to exact text."""

import os
import subprocess
import sys
from types import SimpleNamespace

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "overrides"))
from macros import outputs, rebuilds, records

BLOCKS = [("Request", "GET /hello/Ada HTTP/1.1"), ("Response", "HTTP/1.1 200 OK\nContent-Length: 11\n\nHello, Ada!")]


class Env:
    """Just what mkdocs-macros gives outputs.define: a page and a way to register macros."""

    def __init__(self, page):
        self.page = SimpleNamespace(file=SimpleNamespace(src_path=page))
        self.macros = {}

    def macro(self, function):
        self.macros[function.__name__] = function
        return function


@pytest.fixture
def guide(tmp_path):
    key = records.entry_key("docs/demo.md", "http('demo/greet.py', 'GET /hello/Ada')", 1)
    (tmp_path / "snippets" / "demo").mkdir(parents=True)
    records.write(records.path_for(tmp_path, "demo/greet.py"), "demo/greet.py", "Flask 3.1.3", {key: BLOCKS})
    return tmp_path


def test_a_record_round_trips_through_its_file(guide):
    path = guide / "snippets" / "demo" / "greet.outputs.txt"
    assert records.read(path) == {"docs/demo.md · http('demo/greet.py', 'GET /hello/Ada')": BLOCKS}
    assert "\n  Hello, Ada!\n" in path.read_text()  # content is indented: never read as a header


def test_http_renders_the_record_as_two_titled_blocks(guide):
    env = Env("demo.md")
    outputs.define(env, guide)
    assert env.macros["http"]("demo/greet.py", "GET /hello/Ada") == (
        '```{.http title="Request" data-search-exclude=""}\n'
        "    GET /hello/Ada HTTP/1.1\n"
        "    ```\n"
        "\n"
        '    ```{.http title="Response" data-search-exclude=""}\n'
        "    HTTP/1.1 200 OK\n"
        "    Content-Length: 11\n"
        "\n"
        "    Hello, Ada!\n"
        "    ```")


def test_indent_is_formatting_not_part_of_the_call(guide):
    env = Env("demo.md")
    outputs.define(env, guide)
    assert env.macros["http"]("demo/greet.py", "GET /hello/Ada", indent=0).startswith('```{.http title="Request"')


def test_brief_keeps_the_status_and_headers_and_leaves_out_the_body(guide):
    env = Env("demo.md")
    outputs.define(env, guide)
    shown = env.macros["http"]("demo/greet.py", "GET /hello/Ada", indent=0, brief=True)
    assert shown.endswith("HTTP/1.1 200 OK\nContent-Length: 11\n\n(body left out: 1 line, as shown above)\n```")


def test_a_call_without_a_record_names_the_command(guide):
    env = Env("demo.md")
    outputs.define(env, guide)
    with pytest.raises(outputs.MissingRecord, match=r"docs/demo.md: http\('demo/greet.py', 'GET /bye'\) has no "
                                                    r"recorded output. Run: python3 scripts/dev.py record docs/demo.md"):
        env.macros["http"]("demo/greet.py", "GET /bye")


def test_a_repeated_call_reads_its_own_entry(guide):
    env = Env("demo.md")
    outputs.define(env, guide)
    env.macros["http"]("demo/greet.py", "GET /hello/Ada")
    with pytest.raises(outputs.MissingRecord, match="call 2"):
        env.macros["http"]("demo/greet.py", "GET /hello/Ada")


def test_varies_matches_any_value_and_only_there():
    assert records.matches("Set-Cookie: session=<varies>; HttpOnly", "Set-Cookie: session=abc.def; HttpOnly")
    assert not records.matches("Set-Cookie: session=<varies>; HttpOnly", "Set-Cookie: session=abc; Secure")
    assert records.matches("a\nb", "a  \nb\n\n")  # trailing spaces and blank lines are not kept


def test_a_page_depends_on_its_includes_records_examples_and_question_data():
    source = ('--8<-- "routing/methods.py:view"\n{@ http("routing/methods.py", "GET /articles") @}\n'
              "{@ question_bank(['routing']) @}\n")
    shows, runs = rebuilds.dependencies(ROOT, source)
    assert runs == {ROOT / "snippets/routing/methods.py"}
    assert {ROOT / "snippets/routing/methods.py", ROOT / "snippets/routing/methods.outputs.txt",
            ROOT / "docs/questions/bank.yml"} <= shows


def test_a_cheat_sheet_depends_on_every_page_of_its_chapter():
    shows, _ = rebuilds.dependencies(ROOT, "{@ cheat_sheet() @}\n", "routing")
    assert {ROOT / "docs/routing/trailing-slashes.md", ROOT / "docs/questions/self-check/routing.yml"} <= shows


def recorded_guide(tmp_path):
    """A guide of one page and one example, committed, whose record is dated before its example
    (as a clone may write them)."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "snippets" / "demo").mkdir(parents=True)
    page = tmp_path / "docs" / "demo.md"
    page.write_text('{@ http("demo/app.py", "GET /") @}\n', encoding="utf-8")
    example, record = tmp_path / "snippets/demo/app.py", tmp_path / "snippets/demo/app.outputs.txt"
    example.write_text("app = None\n", encoding="utf-8")
    records.write(record, "demo/app.py", "Flask 3", {"docs/demo.md · http('demo/app.py', 'GET /')": [("Response", "ok")]})
    os.utime(record, (example.stat().st_mtime - 60,) * 2)
    for command in (["init", "-q"], ["add", "."], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x"]):
        subprocess.run(["git", *command], cwd=tmp_path, check=True)
    shows, runs = rebuilds.dependencies(tmp_path, page.read_text(encoding="utf-8"))
    return page, example, shows, runs


def test_a_committed_example_is_not_recorded_again_whatever_its_files_dates(tmp_path):
    page, example, shows, runs = recorded_guide(tmp_path)
    edited = rebuilds.edited_snippets(tmp_path)
    assert edited == set()
    assert not rebuilds.needs_recording(tmp_path, page, shows, runs, records.read, edited)
    assert rebuilds.needs_recording(tmp_path, page, shows, runs, records.read, None)  # no git: dates decide


def test_an_edited_example_newer_than_its_record_is_recorded_again(tmp_path):
    page, example, shows, runs = recorded_guide(tmp_path)
    example.write_text("app = 1\n", encoding="utf-8")
    edited = rebuilds.edited_snippets(tmp_path)
    assert edited == {example.resolve()}
    assert rebuilds.needs_recording(tmp_path, page, shows, runs, records.read, edited)


def test_an_edit_recorded_then_undone_is_recorded_again(tmp_path):
    # The record now holds the edit's outputs; the example is as committed again, and newer.
    page, example, shows, runs = recorded_guide(tmp_path)
    record = tmp_path / "snippets/demo/app.outputs.txt"
    record.write_text(record.read_text(encoding="utf-8").replace("ok", "edited"), encoding="utf-8")
    os.utime(record, (example.stat().st_mtime - 30,) * 2)
    edited = rebuilds.edited_snippets(tmp_path)
    assert edited == {record.resolve()}
    assert rebuilds.needs_recording(tmp_path, page, shows, runs, records.read, edited)


def test_a_guide_inside_another_checkout_falls_back_to_dates(tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / "guide" / "snippets").mkdir(parents=True)
    assert rebuilds.edited_snippets(tmp_path / "guide") is None


def test_a_renamed_example_counts_under_both_names(tmp_path):
    page, example, shows, runs = recorded_guide(tmp_path)
    subprocess.run(["git", "mv", "snippets/demo/app.py", "snippets/demo/renamed app.py"], cwd=tmp_path, check=True)
    assert rebuilds.edited_snippets(tmp_path) == {example.resolve(), example.with_name("renamed app.py").resolve()}
