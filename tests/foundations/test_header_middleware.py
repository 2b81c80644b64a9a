"""The middleware of the WSGI page wraps app.wsgi_app and adds its header."""

from flask import Flask

from snippets.foundations.header_middleware import AddHeader, app


def test_every_response_carries_the_header():
    response = app.test_client().get("/")
    assert response.status_code == 200
    assert response.headers["X-Served-By"] == "field-guide"
    assert response.text == "hello"


def test_errors_get_it_too_because_it_sits_outside_flask():
    response = app.test_client().get("/missing")
    assert response.status_code == 404
    assert response.headers["X-Served-By"] == "field-guide"


def test_app_is_still_the_flask_object():
    assert isinstance(app, Flask)
    assert isinstance(app.wsgi_app, AddHeader)
