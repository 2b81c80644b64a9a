"""scripts/check.py catches the mistakes contributors make.

Each test writes a tiny copy of the guide (the real config, theme overrides and
conftest, one page, one snippet, one test), breaks it the way a contributor
might, runs the real check on it and reads the message.
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
PAGE = """---
description: A tiny page.
---

# Demo

Jinja is shown as it is: `{# greet the user #}`.

```python title="snippets/demo/greet.py"
--8<-- "demo/greet.py:view"
```

{@ http("demo/greet.py", "GET /hello/Ada", indent=0) @}
"""
SNIPPET = """from flask import Flask

app = Flask(__name__)


# --8<-- [start:view]
@app.get("/hello/<name>")
def hello(name):
    return f"Hello, {name}!"
# --8<-- [end:view]
"""
TEST = """from snippets.demo.greet import app


def test_hello():
    assert app.test_client().get("/hello/Ada").text == "Hello, Ada!"
"""


@pytest.fixture
def guide(tmp_path):
    config = (ROOT / "mkdocs.yml").read_text()
    files = {
        "mkdocs.yml": config[: config.index("# Page tree")] + "nav:\n  - index.md\n  - demo.md\n",
        "pyproject.toml": (ROOT / "pyproject.toml").read_text(),
        "tests/conftest.py": (ROOT / "tests/conftest.py").read_text(),
        # what the build reads of scripts/: the files it ships (vendor.py), the formatting the
        # "Edit and run" tab runs in the browser (exchange.py)
        **{f"scripts/{name}": (ROOT / "scripts" / name).read_text() for name in ("vendor.py", "exchange.py")},
        "docs/index.md": "---\ndescription: Home.\n---\n\n# Home\n",
        "docs/demo.md": PAGE,
        "snippets/demo/greet.py": SNIPPET,
        "tests/demo/test_greet.py": TEST,
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs/assets", tmp_path / "docs/assets")
    code, output = record(tmp_path)
    assert code == 0, output
    return tmp_path


def record(root, *pages):
    """`dev.py record` on the copy: run its examples and write their outputs."""
    result = subprocess.run([sys.executable, str(ROOT / "scripts/record.py"), "--root", str(root), *pages],
                            capture_output=True, text=True)
    return result.returncode, result.stdout + result.stderr


def record_fails(root, *messages):
    code, output = record(root)
    assert code == 1, output
    for message in messages:
        assert message in output, output
    assert "Traceback" not in output, output


def check(root, *options):
    result = subprocess.run([sys.executable, str(ROOT / "scripts/check.py"), "--root", str(root), *options],
                            capture_output=True, text=True)
    return result.returncode, result.stdout + result.stderr


def build_fails(root, *messages):
    """`check --fast` fails at the build, and prints each message on a line of its own."""
    code, output = check(root, "--fast")
    assert code == 1, output
    assert "check: FAILED at build" in output, output
    for message in messages:
        assert any(message in line for line in output.splitlines() if line.startswith("  - ")), output
    assert "Traceback" not in output, output
    return output


def edit(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_an_unbroken_copy_passes(guide):
    code, output = check(guide)
    assert code == 0, output
    assert "check: all passed" in output
    # every stage in order; a copy with no tests/browser/ has no site to test offline or in Chromium
    ran = re.findall(r"^check (\d)/7 (\w+):", output, re.M)
    assert ran == [(str(n), name) for n, name in enumerate(["pages", "build", "outputs", "tests", "coverage"], 1)]


def test_an_orphan_snippet_fails(guide):
    (guide / "snippets/demo/unused.py").write_text("ANSWER = 42\n")
    code, output = check(guide)
    assert code == 1
    assert "snippets/demo/unused.py is not included or run by any page" in output
    assert 'Include it with --8<-- "demo/unused.py"' in output


def test_a_missing_section_fails(guide):
    edit(guide / "docs/demo.md", "greet.py:view", "greet.py:views")
    code, output = check(guide)
    assert code == 1
    assert ("docs/demo.md:10 includes section 'views' of snippets/demo/greet.py, "
            "which has no such section (it has: view)") in output


def test_a_missing_file_fails(guide):
    edit(guide / "docs/demo.md", "demo/greet.py:view", "demo/greeting.py")
    code, output = check(guide)
    assert code == 1
    assert "docs/demo.md:10 includes snippets/demo/greeting.py, which does not exist" in output


def test_an_untested_line_fails(guide):
    edit(guide / "snippets/demo/greet.py", "# --8<-- [end:view]",
         '@app.get("/bye")\ndef bye():\n    return "Bye!"\n# --8<-- [end:view]')
    code, output = check(guide)
    assert code == 1
    assert "check: FAILED at coverage" in output
    assert "snippets/demo/greet.py: line 12 never ran in the tests" in output


def test_python_typed_inline_fails(guide):
    edit(guide / "docs/demo.md", "# Demo\n",
         "# Demo\n\n```python\nimport flask\napp = flask.Flask(__name__)\n"
         "app.config['DEBUG'] = False\nprint(app)\n```\n")
    code, output = check(guide)
    assert code == 1
    assert "docs/demo.md:7 has 4 lines of python typed inline" in output


def test_a_page_without_description_fails(guide):
    edit(guide / "docs/demo.md", "description: A tiny page.\n", "")
    code, output = check(guide)
    assert code == 1
    assert "docs/demo.md: no `description:` in the front matter" in output


def test_front_matter_that_is_not_yaml_fails(guide):
    edit(guide / "docs/demo.md", "description: A tiny page.\n", "description: Flask 3.1: a colon.\n")
    code, output = check(guide)
    assert code == 1
    assert "docs/demo.md: the front matter is not valid YAML" in output


def test_jinja_that_macros_would_alter_fails_the_build(guide):
    # A contributor "simplifies" the config back to macros' default delimiters:
    # macros would silently delete the {# #} comment the page shows.
    config = guide / "mkdocs.yml"
    config.write_text("".join(line for line in config.read_text().splitlines(keepends=True)
                              if "j2_" not in line))
    edit(guide / "docs/demo.md", '{@ http("demo/greet.py", "GET /hello/Ada", indent=0) @}', "")
    code, output = check(guide)
    assert code == 1
    assert "check: FAILED at build" in output
    assert "docs/demo.md: mkdocs-macros altered the Jinja example '{# greet the user #}'" in output


def test_raw_tags_in_a_page_fail_the_build(guide):
    edit(guide / "docs/demo.md", "`{# greet the user #}`", "`{% raw %}{{ name }}{% endraw %}`")
    code, output = check(guide)
    assert code == 1
    assert "docs/demo.md: '{% raw %}' is not needed here and would show literally" in output


def test_fast_runs_the_pages_and_the_build_only(guide):
    edit(guide / "tests/demo/test_greet.py", '"Hello, Ada!"', '"Goodbye"')
    code, output = check(guide, "--fast")
    assert code == 0, output
    assert "check 2/2 build" in output and "check 3/" not in output


def test_a_failing_test_fails_the_check(guide):
    edit(guide / "tests/demo/test_greet.py", '"Hello, Ada!"', '"Goodbye"')
    code, output = check(guide)
    assert code == 1
    assert "check: FAILED at tests" in output
    assert "test_greet.py::test_hello" in output


# The build: every warning MkDocs logs fails it, with the page named.

def test_a_dead_link_fails_the_build(guide):
    edit(guide / "docs/demo.md", "# Demo\n", "# Demo\n\nSee [the rules](rules.md).\n")
    build_fails(guide, "Doc file 'demo.md' contains a link 'rules.md', but the target is not found")


def test_a_dead_anchor_fails_the_build(guide):
    edit(guide / "docs/demo.md", "# Demo\n", "# Demo\n\nSee [home](index.md#no-such-anchor).\n")
    build_fails(guide, "Doc file 'demo.md' contains a link 'index.md#no-such-anchor', but the doc "
                       "'index.md' does not contain an anchor '#no-such-anchor'")


def test_a_page_missing_from_the_nav_fails_the_build(guide):
    (guide / "docs/extra.md").write_text("---\ndescription: Left out.\n---\n\n# Extra\n")
    build_fails(guide, "are not included in the \"nav\" configuration: - extra.md")


def test_an_undefined_macro_variable_names_the_page(guide):
    edit(guide / "docs/demo.md", "# Demo\n", "# Demo\n\nTested with Flask {@ versions.flaskk @}.\n")
    build_fails(guide, "docs/demo.md: UndefinedError: 'dict object' has no attribute 'flaskk'")


def test_a_syntax_error_in_an_example_fails_the_pages_stage_with_the_line(guide):
    edit(guide / "snippets/demo/greet.py", 'return f"Hello, {name}!"', 'return f"Hello, {name}!"(')
    code, output = check(guide, "--fast")
    assert code == 1 and "check: FAILED at pages" in output, output
    assert "snippets/demo/greet.py:11:1: invalid-syntax" in output


def test_an_example_that_raises_on_import_fails_its_outputs_with_the_line(guide):
    edit(guide / "snippets/demo/greet.py", "app = Flask(__name__)\n", "app = Flask(__name__)\napp.confg['X'] = 1\n")
    code, output = check(guide)
    assert code == 1 and "check: FAILED at outputs" in output, output
    assert ("docs/demo.md: http('demo/greet.py', 'GET /hello/Ada'): AttributeError: 'Flask' object has no "
            "attribute 'confg' (snippets/demo/greet.py:4) (then: python3 scripts/dev.py record docs/demo.md)"
            in output)
    record_fails(guide, "(snippets/demo/greet.py:4)")


def test_a_run_that_raises_names_the_page_the_call_and_the_line(guide):
    edit(guide / "snippets/demo/greet.py", "# --8<-- [end:view]",
         "# --8<-- [end:view]\n\n\ndef greeting():\n    return {}['missing']")
    edit(guide / "docs/demo.md", "# Demo\n", '# Demo\n\n{@ run("demo/greet.py", "greeting", indent=0) @}\n')
    build_fails(guide, "docs/demo.md: run('demo/greet.py', 'greeting') has no recorded output. "
                       "Run: python3 scripts/dev.py record docs/demo.md")
    record_fails(guide, "docs/demo.md: run('demo/greet.py', 'greeting'): KeyError: 'missing' "
                        "(snippets/demo/greet.py:14)")


def test_an_example_that_switches_logging_off_cannot_hide_a_warning(guide):
    # As Alembic's fileConfig() does: every existing logger is disabled. Examples run in
    # processes of their own (record), never in the build, so strict mode still counts.
    edit(guide / "snippets/demo/greet.py", "app = Flask(__name__)\n",
         "app = Flask(__name__)\n__import__('logging.config').config.dictConfig("
         "{'version': 1, 'disable_existing_loggers': True})\n")
    assert record(guide)[0] == 0
    (guide / "docs/after.md").write_text("---\ndescription: Built after.\n---\n\n[Rules](rules.md)\n")
    edit(guide / "mkdocs.yml", "  - demo.md\n", "  - demo.md\n  - after.md\n")
    build_fails(guide, "Doc file 'after.md' contains a link 'rules.md', but the target is not found")


# Try-it outputs check themselves: recorded only when they answer what the call states.

@pytest.mark.parametrize("request_line, status", [
    ("GET /helo/Ada", "404 NOT FOUND"),    # a typo in the path
    ("POST /hello/Ada", "405 METHOD NOT ALLOWED"),    # a method the route does not allow
])
def test_a_try_it_that_answers_an_error_it_does_not_state_fails(guide, request_line, status):
    edit(guide / "docs/demo.md", '"GET /hello/Ada"', f'"{request_line}"')
    build_fails(guide, f"docs/demo.md: http('demo/greet.py', '{request_line}') has no recorded output")
    record_fails(guide, f"docs/demo.md: http('demo/greet.py', '{request_line}'): the response is "
                        f"{status}. If the page means to show it, say so with status={status[:3]}; if not, "
                        "fix the method or path (the app's routes: /hello/<name>, /static/<path:filename>).")


def test_an_example_that_raises_is_a_500_it_must_state(guide):
    edit(guide / "snippets/demo/greet.py", 'return f"Hello, {name}!"', 'return f"Hello, {name}!" + 1')
    record_fails(guide, "the response is 500 INTERNAL SERVER ERROR. If the page means to show it, say so "
                        "with status=500; the view raised TypeError: can only concatenate str (not \"int\") "
                        "to str (snippets/demo/greet.py:9).")


def test_a_stated_status_passes_and_a_wrong_one_fails(guide):
    edit(guide / "docs/demo.md", '"GET /hello/Ada", indent=0', '"GET /nowhere", indent=0, status=404')
    assert record(guide)[0] == 0
    code, output = check(guide, "--fast")
    assert code == 0, output
    edit(guide / "docs/demo.md", "status=404", "status=410")
    record_fails(guide, "docs/demo.md: http('demo/greet.py', 'GET /nowhere', status=410): "
                        "the response is 404 NOT FOUND, but the call states status=410.")


def test_a_try_it_that_does_not_render_as_code_blocks_fails(guide):
    # At the top level of a page the default indent leaves the fence open: its text shows.
    edit(guide / "docs/demo.md", ', "GET /hello/Ada", indent=0)', ', "GET /hello/Ada")')
    build_fails(guide, "docs/demo.md: the built page shows",
                "docs/demo.md: 1 http(...) calls but 0 highlighted Request blocks")


# Recorded outputs: the build reads them, the check proves them.

def test_a_record_edited_by_hand_fails_the_check_with_a_diff(guide):
    record_file = guide / "snippets/demo/greet.outputs.txt"
    edit(record_file, "  Hello, Ada!", "  Hello, Grace!")
    code, output = check(guide)
    assert code == 1 and "check: FAILED at outputs" in output, output
    assert ("docs/demo.md · http('demo/greet.py', 'GET /hello/Ada'): the code now gives another output "
            "than snippets/demo/greet.outputs.txt records. Review the diff, then run: "
            "python3 scripts/dev.py record docs/demo.md") in output
    assert "-  Hello, Grace!\n+  Hello, Ada!" in output


def test_editing_an_example_and_recording_changes_only_its_records(guide):
    (guide / "snippets/demo/other.py").write_text(SNIPPET.replace("/hello/", "/hi/"))
    (guide / "tests/demo/test_other.py").write_text(TEST.replace("greet", "other").replace("/hello/", "/hi/"))
    edit(guide / "docs/demo.md", "# Demo\n", '# Demo\n\n--8<-- "demo/other.py"\n\n'
                                             '{@ http("demo/other.py", "GET /hi/Ada", indent=0) @}\n')
    assert record(guide)[0] == 0
    greet = (guide / "snippets/demo/greet.outputs.txt").read_text()
    edit(guide / "snippets/demo/other.py", 'f"Hello, {name}!"', 'f"Hi, {name}!"')
    code, output = record(guide)
    assert code == 0 and "1 record files changed" in output, output
    assert (guide / "snippets/demo/greet.outputs.txt").read_text() == greet
    assert "  Hi, Ada!" in (guide / "snippets/demo/other.outputs.txt").read_text()


def test_a_record_no_page_shows_fails_the_check(guide):
    edit(guide / "docs/demo.md", '{@ http("demo/greet.py", "GET /hello/Ada", indent=0) @}', "")
    code, output = check(guide)
    assert code == 1 and "check: FAILED at outputs" in output, output
    assert ("snippets/demo/greet.outputs.txt records 'docs/demo.md · http('demo/greet.py', 'GET /hello/Ada')', "
            "which no page shows any more. Run: python3 scripts/dev.py record") in output


def test_an_example_that_ends_its_process_fails_its_page_and_says_what_it_printed(guide):
    # Each page runs in a child forked from the runner: one that exits at once (or dies) loses its
    # own page's outputs, with the last lines it wrote, and the runner carries on.
    edit(guide / "snippets/demo/greet.py", "app = Flask(__name__)\n",
         "import os\nprint('leaving now')\nos._exit(3)\napp = Flask(__name__)\n")
    record_fails(guide, "docs/demo.md: running its examples failed: leaving now")


def test_each_page_starts_with_none_of_another_pages_modules(guide):
    # Two pages run the same example, which counts its imports in a module of its own: each page
    # imports it afresh, so each records 1, whatever ran before it in the same runner.
    (guide / "snippets/demo/counted.py").write_text(
        "import sys\n\nsys.modules.setdefault('demo_count', type(sys)('demo_count'))\n"
        "sys.modules['demo_count'].n = getattr(sys.modules['demo_count'], 'n', 0) + 1\n\n\n"
        "def imports():\n    return sys.modules['demo_count'].n\n")
    (guide / "tests/demo/test_counted.py").write_text(
        "from snippets.demo.counted import imports\n\n\ndef test_counted():\n    assert imports() >= 1\n")
    call = '{@ run("demo/counted.py", "imports", indent=0) @}\n'
    edit(guide / "docs/demo.md", "# Demo\n", "# Demo\n\n" + call)
    (guide / "docs/again.md").write_text("---\ndescription: Again.\n---\n\n# Again\n\n" + call)
    edit(guide / "mkdocs.yml", "  - demo.md\n", "  - demo.md\n  - again.md\n")
    code, output = record(guide)
    assert code == 0, output
    assert (guide / "snippets/demo/counted.outputs.txt").read_text().count("\n  1\n") == 2


def test_the_build_runs_no_example(guide):
    # An example that would fail if imported: the build only reads its record.
    edit(guide / "snippets/demo/greet.py", "app = Flask(__name__)\n", "raise SystemExit('imported')\napp = Flask(__name__)\n")
    code, output = check(guide, "--fast")
    assert code == 0, output


@pytest.mark.parametrize("mistake, message", [
    (("# --8<-- [end:view]", ""),
     "snippets/demo/greet.py:6 starts section 'view' and never ends it"),
    (("# --8<-- [end:view]", "# --8<-- [end:view]\n# --8<-- [end:views]"),
     "snippets/demo/greet.py:11 ends section 'views', which was not started above"),
    (("# --8<-- [end:view]", "# --8<-- [end:view]\n# --8<-- [start:view]\nX = 1\n# --8<-- [end:view]"),
     "snippets/demo/greet.py:11 starts section 'view' a second time"),
])
def test_unsound_snippet_sections_fail(guide, mistake, message):
    edit(guide / "snippets/demo/greet.py", *mistake)
    code, output = check(guide, "--fast")
    assert code == 1
    assert "check: FAILED at pages" in output
    assert message in output


def test_an_unused_import_in_an_example_fails_the_pages_stage(guide):
    edit(guide / "snippets/demo/greet.py", "from flask import Flask\n", "import os\nfrom flask import Flask\n")
    code, output = check(guide, "--fast")
    assert code == 1 and "check: FAILED at pages" in output, output
    assert "snippets/demo/greet.py:1:8: F401 [*] `os` imported but unused" in output
