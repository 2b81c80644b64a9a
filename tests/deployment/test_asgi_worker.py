"""Gunicorn 24-27: the native asgi worker needs an ASGI app, and HTTP/2 needs the h2 package."""

import http.client
import importlib
import subprocess
import sys

from asgiref.wsgi import WsgiToAsgi

from tests.deployment.stack import CONFIG, environment
from tests.servers import ROOT, gunicorn, wait_for

ASGI = ["--worker-class", "asgi", "--threads", "1"]


def get(url, path="/healthz"):
    host, port = url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.headers, response.read()
    finally:
        conn.close()


def env():
    return {**environment(), "PYTHONPATH": str(ROOT), "WEB_CONCURRENCY": "1"}


def test_the_asgi_worker_cannot_call_a_flask_app(tmp_path):
    log = tmp_path / "gunicorn.log"
    with gunicorn("snippets.deployment.asgi_app:flask_app", tmp_path, config=CONFIG, args=ASGI, env=env()) as url:
        status, _, _ = get(url)
        wait_for(lambda: "Error in ASGI application" in log.read_text(), what="the worker's error")
    text = log.read_text()
    assert status == 500
    assert "Using worker: asgi" in text
    assert "TypeError: Flask.__call__() takes 3 positional arguments but 4 were given" in text


def test_the_asgi_worker_serves_flask_through_wsgi_to_asgi(tmp_path):
    with gunicorn("snippets.deployment.asgi_app:app", tmp_path, config=CONFIG, args=ASGI, env=env()) as url:
        status, headers, body = get(url)
    assert status == 200 and b'"status":"ok"' in body.replace(b" ", b"")
    assert headers["Server"] == "gunicorn/asgi"


def test_the_snippet_wraps_the_shop(monkeypatch):
    monkeypatch.setenv("FLASK_SECRET_KEY", "test-only")
    module = importlib.import_module("snippets.deployment.asgi_app")
    assert isinstance(module.app, WsgiToAsgi) and module.app.wsgi_application is module.flask_app


def test_http2_needs_the_h2_package_which_the_guide_does_not_install():
    run = subprocess.run([sys.executable, "-m", "gunicorn", "--http-protocols", "h2,h1", "--check-config",
                          "snippets.deployment.demo:app"], cwd=ROOT, capture_output=True, text=True, timeout=60,
                         check=False)
    assert run.returncode != 0
    assert "http_protocols includes h2 but the h2 package is not installed. Install gunicorn[http2]" in run.stderr
