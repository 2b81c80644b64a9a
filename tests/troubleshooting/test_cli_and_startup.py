"""The `flask` command and the development server, failing as the page shows, and the fixes."""

import importlib
import os
import socket
import sys
import types

import pytest
from flask import Flask

from snippets.troubleshooting import cli_and_startup as page
from snippets.troubleshooting import circular_fixed
from snippets.troubleshooting.startup import build_factory, shop


def test_no_app_in_the_folder():
    out = page.could_not_locate()
    assert out.endswith(
        "Error: Could not locate a Flask application. Use the 'flask --app' option, 'FLASK_APP'"
        " environment variable, or a 'wsgi.py' or 'app.py' file in the current directory.")
    assert "FLASK_RUN_FROM_CLI" not in os.environ  # the helper puts the process back


def test_the_helper_puts_back_a_flag_that_was_set(monkeypatch):
    monkeypatch.setenv("FLASK_RUN_FROM_CLI", "already")
    page.could_not_locate()
    assert os.environ["FLASK_RUN_FROM_CLI"] == "already"


def test_a_factory_with_another_name_is_not_found():
    module = "snippets.troubleshooting.startup.build_factory"
    assert page.failed_to_find().endswith(
        f"Error: Failed to find Flask application or factory in module '{module}'. "
        f"Use '{module}:name' to specify one.")
    assert "index     GET      /" in page.found_with_the_factory_named()
    assert build_factory.build().test_client().get("/").text == "home"


def test_db_exists_only_after_migrate():
    assert page.no_such_command().endswith("Error: No such command 'db'.")
    assert page.db_command_registered()[1] == "Usage: flask db [OPTIONS] COMMAND [ARGS]..."
    assert "db" not in shop.create_app().cli.commands
    assert shop.create_app().test_client().get("/").text == "shop"


def test_app_run_at_import_is_ignored_under_flask():
    out = page.app_run_ignored().split("\n")
    assert out[1] == (" * Ignoring a call to 'app.run()' that would block the current 'flask'"
                      " CLI command.")
    assert out[2] == "   Only call 'app.run()' in an 'if __name__ == \"__main__\"' guard."
    assert any(line.startswith("index     GET      /") for line in out)


def test_the_import_loop_fails_and_the_blueprint_does_not():
    out = page.circular_import()
    assert out.endswith(
        "ImportError: cannot import name 'app' from partially initialized module "
        "'snippets.troubleshooting.circular' (most likely due to a circular import) "
        "(snippets/troubleshooting/circular/__init__.py)")
    assert "Error: While importing 'snippets.troubleshooting.circular', an ImportError was raised:" in out
    assert "pages.index  GET      /" in page.circular_fixed()
    assert circular_fixed.create_app().test_client().get("/").text == "served by snippets.troubleshooting.circular_fixed"


def test_each_module_of_the_loop_is_fine_on_its_own(monkeypatch):
    """Only the order is wrong: given an `app` to import, views loads, and so does the package."""
    package = "snippets.troubleshooting.circular"
    stand_in = types.ModuleType(package)
    stand_in.app = Flask("stand_in")
    stand_in.__path__ = [os.path.join(os.path.dirname(page.__file__), "circular")]
    monkeypatch.setitem(sys.modules, package, stand_in)
    views = importlib.import_module(f"{package}.views")
    monkeypatch.delitem(sys.modules, package)
    real = importlib.import_module(package)  # views is already loaded: no loop
    assert real.app.test_client().get("/").text == "served by stand_in"  # the app views got
    monkeypatch.delitem(sys.modules, package)
    monkeypatch.delitem(sys.modules, f"{package}.views")
    assert views.register


def test_a_taken_port_stops_the_server():
    out = page.address_in_use().split("\n")
    assert out == [
        "Address already in use",
        "Port 5000 is in use by another program. Either identify and stop that program, or"
        " start the server with a different port.",
        "(exit status 1)",
    ]


def test_the_server_warns_when_it_starts():
    out = page.dev_server_warning().split("\n")
    assert out == [
        "WARNING: This is a development server. Do not use it in a production deployment."
        " Use a production WSGI server instead.",
        " * Running on http://127.0.0.1:5000",
    ]
    with socket.socket() as probe:  # the server closed its socket: the port is free again
        probe.bind(("127.0.0.1", 0))


def test_app_run_outside_the_cli_would_start_a_server(monkeypatch):
    """Without the flag the same module-level call is not skipped: it reaches run_simple."""
    monkeypatch.delenv("FLASK_RUN_FROM_CLI", raising=False)
    started = []
    monkeypatch.setattr("werkzeug.serving.run_simple", lambda *a, **k: started.append(a[:2]))
    sys.modules.pop("snippets.troubleshooting.startup.runs_at_import", None)
    importlib.import_module("snippets.troubleshooting.startup.runs_at_import")
    assert started == [("127.0.0.1", 5000)]


@pytest.fixture(autouse=True)
def fresh_runs_at_import():
    yield
    sys.modules.pop("snippets.troubleshooting.startup.runs_at_import", None)
