import re

import flask.app
import pytest
import werkzeug.debug
from flask import abort
from werkzeug.debug import get_pin_and_cookie_name
from werkzeug.test import Client

from snippets.security import debug_exposure


def test_without_debug_the_500_handler_answers():
    app = debug_exposure.create_app()
    response = Client(debug_exposure.served_like_app_run(app, debug=False)).get("/report")
    assert (response.status_code, response.text) == (500, "Sorry, something went wrong.")


def test_in_debug_mode_the_500_handler_is_skipped_for_the_debugger():
    app = debug_exposure.create_app()
    response = Client(debug_exposure.served_like_app_run(app, debug=True)).get("/report")
    assert response.status_code == 500
    assert response.text != "Sorry, something went wrong."
    assert "Werkzeug Debugger" in response.text
    assert "ZeroDivisionError: division by zero" in response.text
    assert "100 / totals[&#34;orders&#34;]" in response.text  # your source code
    assert flask.app.__file__ in response.text  # one of the PIN's inputs


def test_testing_mode_also_propagates_instead_of_using_the_handler():
    app = debug_exposure.create_app()
    app.testing = True
    with pytest.raises(ZeroDivisionError):
        app.test_client().get("/report")


def test_pin_recomputed_from_leaked_facts_matches_werkzeugs(monkeypatch):
    monkeypatch.delenv("WERKZEUG_DEBUG_PIN", raising=False)
    pin, _cookie_name = get_pin_and_cookie_name(debug_exposure.create_app())
    assert debug_exposure.pin_from(**debug_exposure.leaked_facts()) == pin
    assert pin == get_pin_and_cookie_name(debug_exposure.create_app())[0]  # same for every app


def test_ten_wrong_pins_lock_the_debugger_even_against_the_right_one(monkeypatch):
    # Guessing is what the PIN does stop: a pause per failure, then nothing until a restart.
    monkeypatch.delenv("WERKZEUG_DEBUG_PIN", raising=False)
    pauses = []
    monkeypatch.setattr(werkzeug.debug.time, "sleep", pauses.append)  # 0.5 s, then 5 s each
    client = Client(debug_exposure.served_like_app_run(debug_exposure.create_app(), debug=True))
    page = client.get("/report", headers={"Host": "127.0.0.1"})
    secret = re.search(r'SECRET = "([^"]+)"', page.text)[1]

    def pinauth(pin):
        query = {"__debugger__": "yes", "cmd": "pinauth", "pin": pin, "s": secret}
        return client.get("/", query_string=query, headers={"Host": "127.0.0.1"}).json

    right = debug_exposure.pin_from(**debug_exposure.leaked_facts())
    wrong = "000-000-000" if right != "000-000-000" else "111-111-111"
    assert [pinauth(wrong) for _ in range(10)] == [{"auth": False, "exhausted": False}] * 10
    assert pauses == [0.5] * 6 + [5.0] * 4
    assert pinauth(right) == {"auth": False, "exhausted": True}  # locked: the right PIN too


def test_in_debug_mode_an_explicit_abort_500_still_uses_the_handler():
    # Only an unhandled exception skips the handler; an HTTPException is handled as usual.
    app = debug_exposure.create_app()
    app.get("/down")(lambda: abort(500))
    response = Client(debug_exposure.served_like_app_run(app, debug=True)).get("/down")
    assert (response.status_code, response.text) == (500, "Sorry, something went wrong.")


def test_an_untrusted_host_gets_the_traceback_but_no_console(monkeypatch):
    # Werkzeug 3.0.3+ trusts only .localhost, 127.0.0.1 and the host given to run_simple.
    monkeypatch.delenv("WERKZEUG_DEBUG_PIN", raising=False)
    client = Client(debug_exposure.served_like_app_run(debug_exposure.create_app(), debug=True))
    page = client.get("/report", headers={"Host": "10.0.0.5"})
    assert "ZeroDivisionError: division by zero" in page.text  # the source leaks to anyone
    assert "EVALEX = false" in page.text  # no console offered
    secret = re.search(r'SECRET = "([^"]+)"', page.text)[1]
    pin = debug_exposure.pin_from(**debug_exposure.leaked_facts())
    pinauth = {"__debugger__": "yes", "cmd": "pinauth", "pin": pin, "s": secret}
    assert client.get("/", query_string=pinauth, headers={"Host": "10.0.0.5"}).status_code == 400


def test_the_host_check_is_the_clients_word_so_a_direct_attacker_gets_the_console(monkeypatch):
    # The check stops DNS rebinding (a browser sends the attacker's host name); an attacker who
    # talks to the port directly writes whatever Host header the check wants to see.
    monkeypatch.delenv("WERKZEUG_DEBUG_PIN", raising=False)
    client = Client(debug_exposure.served_like_app_run(debug_exposure.create_app(), debug=True))
    forged = {"Host": "127.0.0.1"}
    page = client.get("/report", headers=forged)
    assert "EVALEX = true" in page.text
    secret = re.search(r'SECRET = "([^"]+)"', page.text)[1]
    frame = re.findall(r'id="frame-(\d+)"', page.text)[-1]
    pin = debug_exposure.pin_from(**debug_exposure.leaked_facts())
    pinauth = {"__debugger__": "yes", "cmd": "pinauth", "pin": pin, "s": secret}
    assert client.get("/", query_string=pinauth, headers=forged).json == {"auth": True, "exhausted": False}
    command = {"__debugger__": "yes", "cmd": "__import__('flask').current_app.config['SECRET_KEY']",
               "frm": frame, "s": secret}
    assert "loaded-from-the-environment" in client.get("/", query_string=command, headers=forged).text
