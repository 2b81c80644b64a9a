"""WSGI middleware: a custom one, ProxyFix and DispatcherMiddleware (audit item 4)."""

import re
import urllib.error
import urllib.request

import pytest
from flask import Flask

from snippets.lifecycle import dispatcher, proxy_fix, request_id_middleware
from tests.servers import gunicorn


def test_middleware_passes_the_request_id_in_and_out():
    response = request_id_middleware.app.test_client().get("/", headers={"X-Request-ID": "abc123"})
    assert response.status_code == 200
    assert response.json == {"request_id": "abc123"}
    assert response.headers["X-Request-ID"] == "abc123"
    assert re.fullmatch(r"app;dur=\d+\.\d", response.headers["Server-Timing"])


def test_middleware_makes_an_id_when_the_client_sends_none_even_for_a_404():
    response = request_id_middleware.app.test_client().get("/nope")
    assert response.status_code == 404
    assert re.fullmatch(r"[0-9a-f]{32}", response.headers["X-Request-ID"])


def test_wrapping_wsgi_app_keeps_the_flask_object():
    app = request_id_middleware.app
    assert isinstance(app, Flask)
    assert isinstance(app.wsgi_app, request_id_middleware.RequestIdMiddleware)
    assert app.wsgi_app.wsgi_app.__func__ is Flask.wsgi_app  # the original, one layer down


def test_proxy_fix_trusts_one_proxy():
    response = proxy_fix.app.test_client().get("/whoami", headers={
        "X-Forwarded-For": "198.51.100.7",
        "X-Forwarded-Proto": "https",
        "X-Forwarded-Host": "shop.example.com",
    })
    assert response.json == {
        "remote_addr": "198.51.100.7",
        "scheme": "https",
        "url": "https://shop.example.com/whoami",
    }


def test_proxy_fix_ignores_values_a_client_put_in_front():
    response = proxy_fix.app.test_client().get(
        "/whoami", headers={"X-Forwarded-For": "6.6.6.6, 198.51.100.7"})
    assert response.json["remote_addr"] == "198.51.100.7"


def test_without_the_headers_the_proxy_address_is_kept():
    response = proxy_fix.app.test_client().get("/whoami")
    assert response.json == {"remote_addr": "127.0.0.1", "scheme": "http",
                             "url": "http://localhost/whoami"}


def test_dispatcher_sends_api_paths_to_the_api_app():
    response = dispatcher.app.test_client().get("/api/status")
    assert response.json == {"app": "api", "script_root": "/api", "self": "/api/status"}
    assert "X-Frontend-Hook" not in response.headers  # frontend hooks never saw it


def test_dispatcher_sends_everything_else_to_the_frontend():
    response = dispatcher.app.test_client().get("/")
    assert response.json == {"app": "frontend"}
    assert response.headers["X-Frontend-Hook"] == "ran"


def test_with_no_proxy_in_front_a_client_chooses_its_address():
    response = proxy_fix.app.test_client().get("/whoami", headers={"X-Forwarded-For": "6.6.6.6"})
    assert response.json["remote_addr"] == "6.6.6.6"  # why x_for must match real proxies


def test_the_middleware_installed_last_runs_first():
    calls = []

    def tagging(name, wsgi_app):
        def middleware(environ, start_response):
            calls.append(name)
            return wsgi_app(environ, start_response)
        return middleware

    app = Flask(__name__)
    app.add_url_rule("/", view_func=lambda: "ok")
    app.wsgi_app = tagging("first installed", app.wsgi_app)
    app.wsgi_app = tagging("second installed", app.wsgi_app)
    assert app.test_client().get("/").text == "ok"
    assert calls == ["second installed", "first installed"]


def test_a_500_made_by_flask_keeps_the_request_id():
    response = request_id_middleware.app.test_client().get("/crash", headers={"X-Request-ID": "abc123"})
    assert response.status_code == 500
    assert response.headers["X-Request-ID"] == "abc123"


def test_an_exception_escaping_wsgi_app_comes_after_start_response():
    # review B: the middleware saw start_response with the id, then the call raised.
    assert request_id_middleware.when_flask_itself_fails().splitlines() == [
        "start_response('200 OK'), X-Request-ID: abc123",
        "then the call raised AttributeError: db",
    ]


def test_a_real_server_then_sends_its_own_500_without_the_id(tmp_path):
    # review B: "the id reaches the response headers even when Flask's own code fails" was wrong.
    with gunicorn("snippets.lifecycle.request_id_middleware:fragile", tmp_path) as url:
        request = urllib.request.Request(url + "/", headers={"X-Request-ID": "abc123"})
        with pytest.raises(urllib.error.HTTPError) as error:
            urllib.request.urlopen(request, timeout=10)
        with error.value as response:  # the error is the response; close its socket
            status, headers = response.code, response.headers
    assert status == 500
    assert "X-Request-ID" not in headers
    assert "AttributeError: db" in (tmp_path / "gunicorn.log").read_text()
