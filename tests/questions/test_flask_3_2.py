"""The Flask 3.1 side of each change on docs/questions/flask-3-2.md (and the bank's flask32 notes).

The 3.2 side comes from Flask's main branch (CHANGES.rst, Version 3.2.0) and is not installed;
these tests pin down what 3.1.3 does, so each note's "on 3.1" sentence stays true.
"""

import json
import os
import subprocess
import sys
import zipfile

import pytest
from flask import Flask

from snippets.questions import teardown_errors


def test_a_raising_teardown_skips_the_rest_of_its_kind_but_not_the_app_context():
    assert teardown_errors.record().splitlines() == [
        "teardown_request release_lock: raises",  # runs first: reverse order of registration
        # close_files, the other teardown_request, never runs
        "teardown_appcontext close_db",  # the app context is popped in a finally
        "the client raised ValueError('lock already released')",  # one error, not a group
    ]
    teardown_errors.close_files(None)  # skipped, not broken: called on its own, it runs
    assert teardown_errors.ran[-1] == "teardown_request close_files"


def test_the_same_holds_for_teardown_appcontext_functions():
    """extensions/how-extensions-work.md: a raising extension teardown skips those of
    extensions initialised before it (they registered first, so they run after it)."""
    app, ran = Flask(__name__), []
    app.teardown_appcontext(lambda exc: ran.append("initialised first"))

    @app.teardown_appcontext
    def initialised_last(exc):
        ran.append("initialised last, raises")
        raise RuntimeError("close failed")

    with pytest.raises(RuntimeError, match="close failed"):
        with app.app_context():
            pass
    assert ran == ["initialised last, raises"]


def test_provide_automatic_options_true_adds_no_options_on_3_1():
    """On 3.1 an explicit True never adds OPTIONS, whatever the setting says."""
    for setting in (True, False):
        app = Flask(__name__)
        app.config["PROVIDE_AUTOMATIC_OPTIONS"] = setting
        app.add_url_rule("/opt-in", "opt_in", lambda: "x", provide_automatic_options=True)
        app.add_url_rule("/default", "default", lambda: "x")
        client = app.test_client()
        assert client.options("/opt-in").status_code == 405
        assert client.options("/default").status_code == (200 if setting else 405)
        assert app.url_map._rules_by_endpoint["opt_in"][0].methods == {"GET", "HEAD"}


def fake_wheel(folder, version, requires_python):
    info = f"demo_flask-{version}.dist-info"
    with zipfile.ZipFile(folder / f"demo_flask-{version}-py3-none-any.whl", "w") as wheel:
        wheel.writestr(f"{info}/METADATA", "Metadata-Version: 2.1\nName: demo-flask\n"
                       f"Version: {version}\nRequires-Python: {requires_python}\n")
        wheel.writestr(f"{info}/WHEEL", "Wheel-Version: 1.0\nGenerator: test\n"
                       "Root-Is-Purelib: true\nTag: py3-none-any\n")
        wheel.writestr(f"{info}/RECORD", "")


def test_pip_skips_a_release_whose_requires_python_excludes_the_interpreter(tmp_path):
    """No pin is needed for a plain `pip install Flask` on Python 3.9.

    Two releases of a stand-in package, the newer one requiring a Python newer than this one,
    as Flask 3.2's `requires-python = ">=3.10"` will on 3.9. pip, offline, picks the older one.
    """
    major, minor = sys.version_info[:2]
    fake_wheel(tmp_path, "3.1.3", ">=3.9")
    fake_wheel(tmp_path, "3.2.0", f">={major}.{minor + 1}")

    def chosen(*extra):
        result = subprocess.run(
            [sys.executable, "-m", "pip", "install", "--isolated", "--dry-run", "--quiet",
             "--report", "-", "--no-index", "--find-links", str(tmp_path), *extra, "demo-flask"],
            capture_output=True, text=True, timeout=120, check=True,
            env={**os.environ, "PIP_CONFIG_FILE": os.devnull})
        return [item["metadata"]["version"] for item in json.loads(result.stdout)["install"]]

    assert chosen() == ["3.1.3"]
    assert chosen("--ignore-requires-python") == ["3.2.0"]  # the metadata is what holds it back


def test_in_an_app_context_without_a_request_3_1_raises_the_request_context_error():
    """contexts/errors.md: on 3.1 `request` and `session` in a bare app context give the usual
    request-context error; 3.2 (main: `AppContext.request`) says "There is no request in this
    context." instead."""
    from flask import request, session

    app = Flask(__name__)
    with app.app_context():
        for read in (lambda: request.path, lambda: session.get("user")):
            with pytest.raises(RuntimeError) as raised:
                read()
            assert str(raised.value).splitlines()[0] == "Working outside of request context."
