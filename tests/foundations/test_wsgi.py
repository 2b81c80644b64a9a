from wsgiref.validate import validator

from werkzeug.test import Client

from snippets.foundations.bare_wsgi import application, both_apps, call_like_a_server
from snippets.foundations.minimal_app import app


def test_bare_callable_through_werkzeug_test_client():
    response = Client(application).post("/orders")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert response.text == "POST /orders reached a bare WSGI app\n"


def test_bare_callable_obeys_pep_3333():
    # wsgiref's validator raises on any breach of the WSGI spec, on both sides.
    status, headers, body = call_like_a_server(validator(application), "/x")
    assert status == "200 OK"
    assert ("Content-Length", str(len(body))) in headers
    assert body == b"GET /x reached a bare WSGI app\n"


def test_a_flask_app_is_a_wsgi_callable_too():
    status, headers, body = call_like_a_server(validator(app), "/")
    assert status == "200 OK"
    assert dict(headers)["Content-Type"] == "text/html; charset=utf-8"
    assert body == b"Hello, Flask!"


def test_flask_call_delegates_to_wsgi_app(monkeypatch):
    seen = []
    # Flask.__call__ is the WSGI entry point; it hands over to app.wsgi_app, the
    # attribute that WSGI middleware wraps.
    monkeypatch.setattr(app, "wsgi_app", lambda environ, start_response: seen.append(environ) or [b"x"])
    assert app({"PATH_INFO": "/"}, None) == [b"x"]
    assert seen == [{"PATH_INFO": "/"}]


def test_both_apps_on_the_page():
    text = both_apps()
    assert "bare WSGI callable: 200 OK" in text
    assert "body: GET / reached a bare WSGI app" in text
    assert "Flask app: 200 OK" in text and "body: Hello, Flask!" in text
