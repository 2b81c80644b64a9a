import flask.app
import pytest
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
