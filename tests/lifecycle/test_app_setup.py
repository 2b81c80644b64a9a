"""The setup phase: audit items 1/31 (before_first_request) and 16 (app creation)."""

import os
import sys
from pathlib import Path

import pytest
from flask import Flask, current_app, has_app_context

from snippets.foundations.reloader_probe import console_of_python_reloader_demo
from snippets.lifecycle.app_setup import add_route_after_first_request, create_app, too_late_error

ROOT = Path(__file__).resolve().parents[2]


def test_the_factory_runs_setup_in_an_app_context():
    app = create_app()
    assert app.extensions["prices"] == {"pen": 150, "ink": 420}
    assert not has_app_context()  # the with block popped it again
    response = app.test_client().get("/prices")
    assert response.json == {"pen": 150, "ink": 420}


def test_one_time_deployment_work_is_a_cli_command():
    result = create_app().test_cli_runner().invoke(args=["seed-prices"])
    assert result.exit_code == 0
    assert result.output == "seeded 2 prices\n"


def test_setup_methods_fail_after_the_first_request():
    with pytest.raises(AssertionError) as caught:
        add_route_after_first_request()
    assert str(caught.value).startswith(
        "The setup method 'route' can no longer be called on the application. "
        "It has already handled its first request, any changes will not be applied consistently.")


def test_the_page_shows_the_whole_message():
    message = too_late_error()
    assert message.startswith("AssertionError: The setup method 'route' can no longer be called")
    assert message.endswith("needed to set up the application are done before running it.")


def test_before_first_request_is_gone():
    app = Flask(__name__)
    assert not hasattr(app, "before_first_request")
    with pytest.raises(AttributeError, match="'Flask' object has no attribute 'before_first_request'"):
        app.before_first_request


def test_creating_an_app_pushes_no_context():
    app = Flask(__name__)
    assert not has_app_context()
    with pytest.raises(RuntimeError, match="Working outside of application context"):
        current_app.name
    with app.test_request_context() as ctx:
        assert not hasattr(ctx, "g")  # g lives on the app context, not the request context


def test_even_a_404_ends_the_setup_phase():
    app = create_app()
    assert app.test_client().get("/nope").status_code == 404
    with pytest.raises(AssertionError, match="The setup method 'route' can no longer be called"):
        app.route("/late")


def test_the_reloader_creates_the_app_in_two_processes(tmp_path, monkeypatch):
    (tmp_path / "reloaded.py").write_text(
        "import os\n"
        "from snippets.lifecycle.app_setup import create_app\n"
        "print('create_app in', os.getpid(), os.environ.get('WERKZEUG_RUN_MAIN'), flush=True)\n"
        "app = create_app()\n")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(ROOT), str(tmp_path)]))
    # The Foundations chapter's probe starts the real server, reads its console until the
    # debugger is up, and stops the whole process group.
    console = console_of_python_reloader_demo(
        (sys.executable, "-m", "flask", "--app", "reloaded", "run", "--debug", "--port", "0"))
    created = [line.split()[2:] for line in console.splitlines() if line.startswith("create_app in")]
    (parent_pid, parent_flag), (child_pid, child_flag) = created
    assert parent_pid != child_pid
    assert (parent_flag, child_flag) == ("None", "true")
