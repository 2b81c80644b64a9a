"""scripts/check.py catches the mistakes contributors make.

Each test writes a tiny copy of the guide (the real config, theme overrides and
conftest, one page, one snippet, one test), breaks it the way a contributor
might, runs the real check on it and reads the message.
"""

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
        "mkdocs.yml": config[: config.index("# Page tree")],
        "pyproject.toml": (ROOT / "pyproject.toml").read_text(),
        "tests/conftest.py": (ROOT / "tests/conftest.py").read_text(),
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
    return tmp_path


def check(root):
    result = subprocess.run([sys.executable, str(ROOT / "scripts/check.py"), "--root", str(root)],
                            capture_output=True, text=True)
    return result.returncode, result.stdout + result.stderr


def edit(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_an_unbroken_copy_passes(guide):
    code, output = check(guide)
    assert code == 0, output
    assert "check: all passed" in output


def test_an_orphan_snippet_fails(guide):
    (guide / "snippets/demo/unused.py").write_text("ANSWER = 42\n")
    code, output = check(guide)
    assert code == 1
    assert "snippets/demo/unused.py is not included by any page" in output
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
