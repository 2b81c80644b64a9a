import contextlib
import io
import os
import re
import sys

import pytest
from werkzeug.debug import DebuggedApplication
from werkzeug.test import Client

from snippets.foundations import debug_in_code, debugger_console, launchers, minimal_app


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    for name in launchers.FLASK_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    yield
    leaked = {name for name in launchers.FLASK_VARIABLES if name in os.environ}
    assert not leaked, f"a launcher leaked {leaked}"


def test_flask_run_without_debug_serves_on_localhost_with_no_debugger():
    assert launchers.flask_run() == {"host": "127.0.0.1", "port": 5000, "app.debug": False,
                                     "reloader": False, "debugger": False}


@pytest.mark.parametrize("args, env", [(["--debug"], {}), ([], {"FLASK_DEBUG": "1"})])
def test_debug_option_and_flask_debug_turn_on_reloader_and_debugger(args, env):
    call = launchers.flask_run(*args, env=env)
    assert call["app.debug"] is call["reloader"] is call["debugger"] is True
    assert minimal_app.app.debug is False  # flask_run() puts the shared app back


def test_flask_env_was_removed_in_2_3_and_does_nothing():
    # Audit 38: FLASK_ENV=development no longer turns debug mode on.
    call = launchers.flask_run(env={"FLASK_ENV": "development"})
    assert call["app.debug"] is call["debugger"] is False


def test_debug_set_in_code_is_reset_by_flask_run():
    # Audit 12: the module sets DEBUG, `flask run` overwrites it from FLASK_DEBUG.
    assert debug_in_code.app.debug is True
    call = launchers.flask_run(module=debug_in_code)
    assert call["app.debug"] is call["reloader"] is call["debugger"] is False
    assert debug_in_code.app.debug is True  # restored for other tests


def test_app_run_defaults_and_debug():
    assert launchers.app_run() == {"host": "127.0.0.1", "port": 5000, "app.debug": False,
                                   "reloader": False, "debugger": False}
    assert launchers.app_run(debug=True)["debugger"] is True


def test_host_0_0_0_0_with_debug_puts_the_debugger_on_every_interface():
    # Audit 17.
    call = launchers.app_run(host="0.0.0.0", debug=True)
    assert (call["host"], call["debugger"], call["reloader"]) == ("0.0.0.0", True, True)


def test_app_run_is_ignored_under_flask_run(monkeypatch):
    out = io.StringIO()
    with launchers.recording_run_simple() as calls, contextlib.redirect_stdout(out):
        monkeypatch.setenv("FLASK_RUN_FROM_CLI", "true")  # what the flask command sets
        launchers.Flask("hello").run(debug=True)
    assert calls == []
    assert "Ignoring a call to 'app.run()'" in out.getvalue()


def test_launcher_table():
    table = launchers.launcher_table().splitlines()
    rows = {line[:36].strip(): line[36:].split() for line in table[2:]}
    assert rows["flask run"] == ["127.0.0.1", "False", "False", "False"]
    assert rows["flask run --debug"] == ["127.0.0.1", "True", "True", "True"]
    assert rows["FLASK_ENV=development flask run"][1:] == ["False"] * 3
    assert rows["flask --app debug_in_code run"][1:] == ["False"] * 3
    assert rows["app.run(host='0.0.0.0', debug=True)"] == ["0.0.0.0", "True", "True", "True"]
    assert len(rows) == 8


def test_debug_from_environment():
    assert launchers.debug_from_environment().splitlines() == [
        "FLASK_ENV=development  -> Flask(__name__).debug == False",
        "FLASK_DEBUG=1          -> Flask(__name__).debug == True",
        "FLASK_DEBUG=0          -> Flask(__name__).debug == False",
    ]


def test_debug_mode_lets_exceptions_reach_the_debugger():
    app = debugger_console.app
    app.debug = False
    assert app.test_client().get("/orders/7").status_code == 500  # caught by Flask
    assert app.test_client().get("/orders/8").get_json() == {"order": 8, "discount": 100.0}
    app.debug = True
    with pytest.raises(ZeroDivisionError):  # propagated, for the debugger to catch
        app.test_client().get("/orders/7")
    app.debug = False


def test_the_debugger_runs_python_sent_by_another_machine():
    transcript = debugger_console.leaked_pin_visit().splitlines()
    assert transcript[0] == "GET /orders/7 -> 500 INTERNAL SERVER ERROR, an interactive traceback"
    assert transcript[1] == 'PIN nnn-nnn-nnn -> {"auth": true, "exhausted": false}'
    assert transcript[2:6] == [">>> order_id", "7", '>>> app.config["SECRET_KEY"]',
                               "'prod-signing-key'"]
    assert transcript[6:] == [">>> __import__('os').getpid()", str(os.getpid())]


def test_a_wrong_pin_gets_no_console(monkeypatch):
    monkeypatch.setattr(DebuggedApplication, "_fail_pin_auth", lambda self: None)  # no sleep
    transcript = debugger_console.visit("000-000-000").splitlines()
    assert transcript[1].endswith('{"auth": false, "exhausted": false}')
    assert ">>> order_id" not in transcript


def test_the_pin_is_derived_from_the_machine_not_random():
    first = DebuggedApplication(debugger_console.app, evalex=True).pin
    again = DebuggedApplication(debugger_console.app, evalex=True).pin  # "after a restart"
    assert re.fullmatch(r"\d{3}-\d{3}-\d{3}", first) and first == again


def test_werkzeug_debug_pin_off_removes_the_pin(monkeypatch):
    monkeypatch.setenv("WERKZEUG_DEBUG_PIN", "off")
    debugged = debugger_console.served_in_debug_mode()
    assert debugged.pin is None and debugged.check_pin_trust({}) is True


def _console_answer(host):
    debugged = debugger_console.served_in_debug_mode()
    client = Client(debugged)
    page = client.get("/orders/7", headers={"Host": host}, errors_stream=io.StringIO())
    secret = re.search(r'SECRET = "(\w+)"', page.text).group(1)
    return page, client.get("/", headers={"Host": host}, query_string={
        "__debugger__": "yes", "cmd": "pinauth", "pin": debugged.pin, "s": secret})


def test_the_host_check_trusts_whatever_host_header_the_client_sends():
    page, login = _console_answer("192.168.1.20:5000")  # browsing by the LAN address
    assert "EVALEX = false" in page.text and login.status_code == 400
    page, login = _console_answer("localhost:5000")  # same machine, different header
    assert "EVALEX = true" in page.text and login.get_json()["auth"] is True


def test_no_debugger_keeps_debug_mode_and_the_reloader():
    call = launchers.flask_run("--debug", "--no-debugger")
    assert (call["app.debug"], call["reloader"], call["debugger"]) == (True, True, False)
    call = launchers.flask_run("--debug", "--no-reload")
    assert (call["app.debug"], call["reloader"], call["debugger"]) == (True, False, True)


def test_debug_mode_reloads_templates():
    app = launchers.Flask(__name__)
    assert app.jinja_env.auto_reload is False
    app.debug = True
    assert app.jinja_env.auto_reload is True


def test_flask_run_options_read_flask_run_variables():
    assert launchers.flask_run(env={"FLASK_RUN_PORT": "8001"})["port"] == 8001


def test_the_pin_is_logged_again_when_a_browser_shows_the_prompt(caplog):
    import logging

    debugged = debugger_console.served_in_debug_mode()
    caplog.set_level(logging.INFO, logger="werkzeug")
    Client(debugged).get("/", headers={"Host": "localhost"}, query_string={
        "__debugger__": "yes", "cmd": "printpin", "s": debugged.secret})
    assert f" * Debugger pin code: {debugged.pin}" in caplog.messages


def test_the_startup_pin_is_logged_only_in_the_reloader_child(caplog, monkeypatch):
    # werkzeug/debug/__init__.py logs it only when WERKZEUG_RUN_MAIN == "true", i.e. in the
    # process the reloader started; `flask run --debug --no-reload` prints no PIN at startup.
    import logging

    caplog.set_level(logging.INFO, logger="werkzeug")
    monkeypatch.delenv("WERKZEUG_RUN_MAIN", raising=False)
    without_reloader = debugger_console.served_in_debug_mode()
    assert not [m for m in caplog.messages if "PIN" in m]
    with monkeypatch.context() as patch:  # undone before clean_environment checks for leaks
        patch.setenv("WERKZEUG_RUN_MAIN", "true")
        under_reloader = debugger_console.served_in_debug_mode()
    assert f" * Debugger PIN: {under_reloader.pin}" in caplog.messages
    assert without_reloader.pin == under_reloader.pin  # the same PIN, only not printed


def test_flask_run_survives_an_import_error_only_under_the_reloader(tmp_path, monkeypatch):
    from click.testing import CliRunner
    from flask.cli import cli

    broken = tmp_path / "broken_after_edit.py"
    broken.write_text("from flask import Flask\napp = Flask(__name__)\n1 / 0  # a typo\n")
    served = []
    monkeypatch.setattr("flask.cli.run_simple", lambda host, port, app, **kw: served.append(app))
    monkeypatch.setattr(sys, "path", list(sys.path))
    args = ["--app", str(broken), "run"]
    env = {**launchers.FLASK_VARIABLES, "WERKZEUG_SERVER_FD": None}
    # The process the reloader started: the error is kept and served, the server starts.
    result = CliRunner().invoke(cli, args, env={**env, "WERKZEUG_RUN_MAIN": "true"})
    assert result.exit_code == 0 and len(served) == 1
    with pytest.raises(ZeroDivisionError):
        served[0]({}, None)
    # A first start: the command fails, no server.
    monkeypatch.delitem(sys.modules, "broken_after_edit", raising=False)
    result = CliRunner().invoke(cli, args, env=env)
    assert isinstance(result.exception, ZeroDivisionError) and len(served) == 1


def test_the_pin_locks_after_10_failures_even_for_the_right_pin_and_old_cookies():
    # werkzeug/debug/__init__.py: _fail_pin_auth waits 0.5 s six times, then 5 s; at 10
    # failures pin_auth answers exhausted and check_pin_trust refuses every cookie.
    lines = debugger_console.guessing_the_pin().splitlines()
    assert lines[:2] == ['developer, right PIN     -> {"auth": true, "exhausted": false}',
                         "developer's cookie works -> True"]
    guesses = lines[2:12]
    assert [line.split(", wait ")[1].split(" s")[0] for line in guesses] == ["0.5"] * 6 + ["5.0"] * 4
    assert all(line.endswith('{"auth": false, "exhausted": false}') for line in guesses)
    assert lines[12:] == ['guess 11, the right PIN  -> {"auth": false, "exhausted": true}',
                          "developer's cookie works -> False"]


def test_a_restarted_server_process_is_unlocked_again(monkeypatch):
    # The failure counter lives in the DebuggedApplication, so a new process starts at zero.
    monkeypatch.setattr("werkzeug.debug.time.sleep", lambda seconds: None)
    locked = debugger_console.served_in_debug_mode()
    for _ in range(10):
        locked._fail_pin_auth()
    assert locked._failed_pin_auth.value == 10
    restarted = debugger_console.served_in_debug_mode()
    query = {"__debugger__": "yes", "cmd": "pinauth", "pin": restarted.pin, "s": restarted.secret}
    answer = Client(restarted).get("/", query_string=query, headers={"Host": "localhost"})
    assert answer.get_json() == {"auth": True, "exhausted": False}
