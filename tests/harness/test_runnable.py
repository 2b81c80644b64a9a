""""Edit and run" without a browser: which examples run there, what they ship, the pins, and the
browser's driver run by this CPython against the records.

The browser itself is tests/browser/test_runner.py.
"""

import json
import re
import subprocess
import sys
from types import SimpleNamespace

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "overrides"))
sys.path.insert(0, str(ROOT / "scripts"))
import vendor
from macros import outputs, records, runnable

FLASK_FAMILY = {"flask", "werkzeug", "jinja2", "itsdangerous", "click", "blinker", "markupsafe"}


def pins():
    found = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==")
            found[name.strip().lower()] = version.strip()
    return found


def test_the_wheels_the_browser_gets_are_the_versions_requirements_txt_pins():
    shipped = {}
    for name, entry in vendor.VENDORED.items():
        wheel = re.fullmatch(r"wheels/([a-z0-9_]+)-([\d.]+)-py3-none-any\.whl", name)
        sdist = re.fullmatch(r"([a-z0-9_]+)-([\d.]+)\.tar\.gz", name)
        if match := wheel or sdist:
            shipped[match[1]] = match[2]
            assert match[0].split("/")[-1] in entry["url"] and len(entry["sha256"]) == 64
    assert set(shipped) == FLASK_FAMILY
    assert shipped == {name: pins()[name] for name in FLASK_FAMILY}


def test_markupsafe_ships_without_its_c_speedups():
    [entry] = [e for name, e in vendor.VENDORED.items() if name.startswith("markupsafe-")]
    assert sorted(p.rsplit("/", 1)[1] for p in entry["files"]) == ["__init__.py", "_native.py"]


def test_pyodide_ships_only_what_load_pyodide_requests():
    [entry] = [e for name, e in vendor.VENDORED.items() if name.startswith("pyodide-")]
    assert entry["url"].startswith("https://registry.npmjs.org/pyodide/-/") and entry["sha512"]
    assert sorted(entry["files"].values()) == sorted(f"pyodide/{n}" for n in (
        "pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"))


@pytest.mark.parametrize("example, reason", [
    ("routing/methods.py", ""),
    ("templates/rendering/app.py", ""),
    ("structure/versioned_api/__init__.py", ""),  # relative imports inside its package
    ("security/sqli_unsafe.py", ""),  # imports another snippet, which comes along
    ("contexts/thread_in_a_view.py", "imports concurrent.futures"),
    ("security/ssrf.py", "imports http.client"),
    ("foundations/async_view.py", "has an async view"),
    ("deployment/demo.py", "snippets/deployment/shop/views.py has an async view"),  # found through an import
    ("extensions/cors_api.py", "imports flask_cors, which the browser does not have"),
    ("structure/shop_demo.py", "imports flask_sqlalchemy"),  # two imports deep
    ("routing/no_such_example.py", "is no file"),
])
def test_whether_an_example_runs_in_the_browser_is_read_from_its_imports(example, reason):
    found = runnable.why_not(ROOT, example)
    assert (reason in found and found) if reason else found == ""


def test_a_denied_module_is_found_however_it_is_imported(tmp_path):
    (tmp_path / "snippets" / "x").mkdir(parents=True)
    for n, line in enumerate(["import threading", "from threading import Thread", "import socket as s",
                              "from concurrent.futures import ThreadPoolExecutor", "import urllib.request",
                              "from snippets.x.helper import thing"]):
        (tmp_path / "snippets" / "x" / f"e{n}.py").write_text(f"from flask import Flask\n{line}\n")
    (tmp_path / "snippets" / "x" / "helper.py").write_text("import subprocess\nthing = 1\n")
    (tmp_path / "snippets" / "x" / "ok.py").write_text("import json, urllib.parse\nfrom flask import Flask\n")
    assert [bool(runnable.why_not(tmp_path, f"x/e{n}.py")) for n in range(6)] == [True] * 6
    assert "helper.py imports subprocess" in runnable.why_not(tmp_path, "x/e5.py")
    assert runnable.why_not(tmp_path, "x/ok.py") == ""
    with pytest.raises(ValueError, match="does not run in the browser"):
        runnable.bundle(tmp_path, "x/e0.py")


def test_a_folder_example_ships_its_templates_and_a_single_file_only_itself(tmp_path):
    # A copy, not the real snippets: reading a real template here would count it as tested.
    app = tmp_path / "snippets" / "t" / "shop"
    (app / "templates").mkdir(parents=True)
    (app / "__pycache__").mkdir()
    (app / "app.py").write_text("from flask import Flask\nfrom .helpers import x\n")
    (app / "helpers.py").write_text("x = 1\n")
    (app / "templates" / "index.html").write_text("<p>{{ x }}</p>\n")
    (app / "app.outputs.txt").write_text("recorded\n")
    (app / "__pycache__" / "app.cpython-311.pyc").write_bytes(b"\0")
    (app / "logo.png").write_bytes(b"\x89PNG")
    (tmp_path / "snippets" / "t" / "single.py").write_text(
        'from pathlib import Path\nfrom snippets.t.other import y\nDATA = Path(__file__).parent / "data"\n'
        f'SQL = """{"CREATE TABLE t (x TEXT);" * 20}\n"""\nUP = ".."\n')  # strings that name no folder
    (tmp_path / "snippets" / "t" / "data").mkdir()
    (tmp_path / "snippets" / "t" / "data" / "prices.txt").write_text("pen 1.20\n")
    (tmp_path / "snippets" / "t" / "unnamed").mkdir()
    (tmp_path / "snippets" / "t" / "unnamed" / "x.txt").write_text("no\n")
    (tmp_path / "snippets" / "t" / "other.py").write_text("y = 2\n")
    (tmp_path / "snippets" / "t" / "unrelated.py").write_text("z = 3\n")
    assert sorted(runnable.bundle(tmp_path, "t/shop/app.py")) == [
        "snippets/t/shop/app.py", "snippets/t/shop/helpers.py", "snippets/t/shop/templates/index.html"]
    assert sorted(runnable.bundle(tmp_path, "t/single.py")) == [
        "snippets/t/data/prices.txt", "snippets/t/other.py", "snippets/t/single.py"]


def macros_for(page, site_dir):
    """The output macros as mkdocs-macros defines them, rendering `page` into `site_dir`."""
    env = SimpleNamespace(page=SimpleNamespace(file=SimpleNamespace(src_path=page[5:])), macros={},
                          conf={"site_dir": str(site_dir)})
    env.macro = lambda f: env.macros.setdefault(f.__name__, f)
    outputs.define(env, ROOT)
    return env


def test_the_http_macro_marks_a_runnable_call_and_writes_its_files(tmp_path):
    page = "docs/routing/routes-and-methods.md"
    env = macros_for(page, tmp_path)
    shown = env.macros["http"]("routing/methods.py", "POST /submit", json={"name": "pen"})
    [marker] = re.findall(r'<div class="ffg-call" hidden [^>]*></div>', shown)
    assert 'data-example="routing/methods.py"' in marker and "data-python=" in marker
    assert "&quot;request&quot;: &quot;POST /submit&quot;" in marker
    bundle = json.loads((tmp_path / "assets/runnable/routing/methods.py.json").read_text())
    assert bundle["module"] == "snippets.routing.methods"
    manifest = json.loads((tmp_path / "assets/runnable/manifest.json").read_text())
    assert len(manifest["wheels"]) == 6 and manifest["frozen"].startswith("2026-01-15T09:30")
    assert (tmp_path / "assets/runnable/exchange.py").read_text() == (ROOT / "scripts/exchange.py").read_text()


def test_a_call_whose_example_cannot_run_in_the_browser_gets_no_marker(tmp_path):
    page = "docs/contexts/errors.md"
    env = macros_for(page, tmp_path)
    calls = [c for c in records.page_calls(ROOT / page) if c[1][0] == "contexts/thread_in_a_view.py"]
    assert calls
    for name, args, kwargs in calls:
        assert "ffg-call" not in env.macros[name](*args, **kwargs)
    assert not (tmp_path / "assets/runnable/contexts/thread_in_a_view.py.json").exists()


DRIVE = """
import json, sys
sys.path[:0] = [{root!r}, {scripts!r}, {assets!r}]
import runner_driver
runner_driver.freeze({frozen!r})
import exchange
from pathlib import Path
runner_driver.HOME = Path({home!r})
sys.path.insert(0, {home!r})
print(runner_driver.run(json.dumps({bundle}), json.dumps({calls})))
"""


def test_the_browsers_driver_under_cpython_gives_the_recorded_responses_byte_for_byte(tmp_path):
    """The same driver, exchange and frozen clock as in the browser, in a fresh CPython: a session
    cookie signed at the frozen instant equals the recorded one, Date and all."""
    from exchange import FROZEN

    example, page = "requests/sessions.py", "docs/requests/sessions.md"
    calls = [(key, call) for key, ex, call in records.keyed(page, records.page_calls(ROOT / page)) if ex == example]
    parsed = []
    for _key, text in calls:
        node = __import__("ast").parse(text, mode="eval").body
        kwargs = {k.arg: __import__("ast").literal_eval(k.value) for k in node.keywords}
        parsed.append({"request": node.args[1].value, "app": kwargs.pop("app", "app"),
                       "client": kwargs.pop("client", None), "url_for": kwargs.pop("url_for", None),
                       "options": {k: v for k, v in kwargs.items() if k not in records.FORMATTING | {"status"}}})
    bundle = {"example": example, "module": runnable.module_name(example), "files": runnable.bundle(ROOT, example)}
    script = DRIVE.format(root=str(tmp_path), scripts=str(ROOT / "scripts"), assets=str(ROOT / "docs/assets"),
                          frozen=FROZEN.isoformat(), home=str(tmp_path / "guide"),
                          bundle=repr(bundle), calls=repr(parsed))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                          env={"PYTHONHASHSEED": "0", "PATH": "/usr/bin:/bin"}, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)["results"]
    stored = records.read(records.path_for(ROOT, example))
    assert len(results) == len(calls) >= 3
    assert any("Set-Cookie: session=" in text for r in results for _, text in r["blocks"])
    for (key, _), result in zip(calls, results):
        assert "error" not in result, result
        assert [tuple(b) for b in result["blocks"]] == [tuple(b) for b in stored[key]] or all(
            records.matches(want, got) for (_, want), (_, got) in zip(stored[key], result["blocks"])), key
