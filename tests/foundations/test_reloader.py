import os
import re
import runpy
import sys
from pathlib import Path

import pytest
from flask import Flask
from werkzeug.serving import is_running_from_reloader

from snippets.foundations.reloader_probe import console_of_python_reloader_demo

DEMO = Path(__file__).parents[2] / "snippets" / "foundations" / "reloader_demo.py"


@pytest.fixture
def captured_run(monkeypatch):
    calls = []
    monkeypatch.setattr(Flask, "run", lambda self, **kwargs: calls.append(kwargs))
    monkeypatch.delenv("WERKZEUG_RUN_MAIN", raising=False)
    monkeypatch.delenv("PORT", raising=False)
    return calls


def test_run_as_a_script_calls_app_run_with_debug(captured_run, capsys):
    namespace = runpy.run_path(str(DEMO), run_name="__main__")
    assert captured_run == [{"debug": True, "port": 5000}]
    assert capsys.readouterr().out == f"startup code: pid={os.getpid()} WERKZEUG_RUN_MAIN=None\n"
    response = namespace["app"].test_client().get("/")
    assert response.text == f"served by pid {os.getpid()}"


def test_imported_it_does_not_start_a_server(captured_run):
    runpy.run_path(str(DEMO), run_name="reloader_demo")
    assert captured_run == []


def test_the_child_sees_werkzeug_run_main(captured_run, capsys, monkeypatch):
    monkeypatch.setenv("WERKZEUG_RUN_MAIN", "true")
    monkeypatch.setenv("PORT", "0")
    runpy.run_path(str(DEMO), run_name="__main__")
    assert "WERKZEUG_RUN_MAIN=true" in capsys.readouterr().out
    assert is_running_from_reloader() is True
    assert captured_run == [{"debug": True, "port": 0}]


FLASK_RUN = (sys.executable, "-m", "flask", "--app", str(DEMO), "run", "--debug", "--port", "0")


@pytest.mark.parametrize("command", [(sys.executable, str(DEMO)), FLASK_RUN],
                         ids=["python reloader_demo.py", "flask run --debug"])
def test_the_real_reloader_runs_startup_code_in_two_processes(command):
    output = console_of_python_reloader_demo(command)
    startups = re.findall(r"startup code: pid=(\d+) WERKZEUG_RUN_MAIN=(\w+)", output)
    assert [flag for _, flag in startups] == ["None", "true"]
    assert startups[0][0] != startups[1][0]  # two different processes
    lines = output.splitlines()
    restart = next(i for i, line in enumerate(lines) if "Restarting with" in line)
    assert lines.index(f"startup code: pid={startups[1][0]} WERKZEUG_RUN_MAIN=true") > restart
    assert lines[-2:] == [" * Debugger is active!", " * Debugger PIN: nnn-nnn-nnn"]
    assert " * Debug mode: on" in lines and any("Running on http://127.0.0.1:" in line for line in lines)
