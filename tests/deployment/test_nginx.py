"""nginx in front of Gunicorn, both real, with the chapter's nginx-shop.conf and gunicorn.conf.py."""

import json
import socket

import pytest

from tests.deployment.stack import DEPLOY, MAIN_CONF, SITE, Stack, certificate, fill, shop_behind_nginx, wait_for
from tests.servers import free_port, nginx


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    with shop_behind_nginx(tmp_path_factory.mktemp("proxied"), BEHIND_PROXY="true",
                           TRUSTED_HOSTS='["shop.example.com"]') as running:
        yield running


def test_with_proxyfix_flask_sees_the_client_https_and_the_public_host(stack):
    seen = stack.json("/whoami")
    assert seen["remote_addr"] == "127.0.0.2"  # the client, not nginx (127.0.0.1)
    assert seen["scheme"] == "https"
    assert seen["host"] == "shop.example.com"
    assert seen["external_url"] == "https://shop.example.com/healthz"


def test_a_spoofed_x_forwarded_for_is_ignored(stack):
    seen = stack.json("/whoami", headers={"X-Forwarded-For": "203.0.113.9"})
    # nginx appends the address it saw; ProxyFix(x_for=1) trusts that last value only.
    assert seen["x_forwarded_for"] == "203.0.113.9, 127.0.0.2"
    assert seen["remote_addr"] == "127.0.0.2"


def test_proxy_set_header_replaces_a_forged_proto_and_host(stack):
    seen = stack.json("/whoami", headers={"X-Forwarded-Proto": "http", "X-Forwarded-Host": "evil.example"})
    assert (seen["scheme"], seen["host"]) == ("https", "shop.example.com")


def test_an_unknown_host_is_refused(stack):
    status, _, body = stack.request("GET", "/whoami", headers={"Host": "evil.example"})
    assert status == 400 and b"Bad Request" in body


def test_plain_http_is_redirected_to_https(stack):
    status, headers, _ = stack.request("GET", "/healthz?x=1", tls=False)
    assert status == 301
    assert headers["Location"] == "https://shop.example.com/healthz?x=1"
    assert headers["Server"].startswith("nginx")


def test_static_files_come_from_nginx_not_gunicorn(stack):
    status, headers, body = stack.request("GET", "/static/site.css")
    assert status == 200
    assert body == (DEPLOY / "shop" / "static" / "site.css").read_bytes()
    assert headers["Content-Type"] == "text/css"
    assert headers["Cache-Control"] == "max-age=3600"  # `expires 1h`
    wait_for(lambda: "GET /static/site.css" in stack.log("access.log"), what="nginx log line")
    assert "/static/" not in stack.log("gunicorn.log")


def test_a_body_over_client_max_body_size_gets_413_from_nginx(stack):
    status, _, body = stack.request("POST", "/upload", body=b"x" * 512_000)
    assert (status, json.loads(body)) == (200, {"bytes": 512_000})
    # Announce 2 MiB and send nothing: nginx answers from the headers alone.
    status, headers, body = stack.request("POST", "/upload", headers={"Content-Length": str(2 * 1024 * 1024)})
    assert status == 413
    assert headers["Server"].startswith("nginx")
    assert b"413 Request Entity Too Large" in body
    # nginx logs the request once the connection is closed: wait for the line.
    wait_for(lambda: '"POST /upload HTTP/1.1" 413' in stack.log("access.log"), what="nginx log line")
    # Only the first POST reached Gunicorn (nginx speaks HTTP/1.0 to upstreams by default).
    wait_for(lambda: '"POST /upload HTTP/1.0" 200' in stack.log("gunicorn.log"), what="access line")
    assert stack.log("gunicorn.log").count('"POST /upload HTTP/1.0"') == 1


def test_health_check_through_the_whole_stack(stack):
    status, headers, body = stack.request("GET", "/healthz")
    assert status == 200
    assert headers["Cache-Control"] == "no-store"
    assert json.loads(body)["status"] == "ok"


def test_without_proxyfix_flask_sees_nginx_plain_http_and_the_upstream_name(tmp_path):
    with shop_behind_nginx(tmp_path) as stack:  # FLASK_BEHIND_PROXY not set
        seen = stack.json("/whoami", headers={"X-Forwarded-For": "203.0.113.9"})
    assert seen["remote_addr"] == "127.0.0.1"  # nginx's address
    assert seen["scheme"] == "http"
    assert seen["host"] == "shop"  # nginx's Host for `proxy_pass http://shop`
    assert seen["external_url"] == "http://shop/healthz"
    assert seen["x_forwarded_for"] == "203.0.113.9, 127.0.0.2"  # there, but nobody reads it


def test_nginx_answers_502_when_gunicorn_is_not_listening(tmp_path):
    cert, key = certificate(tmp_path)
    http_port, https_port = free_port(), free_port()
    site = fill(SITE.read_text(), UPSTREAM=f"127.0.0.1:{free_port()}",  # nothing listens there
                HTTP_LISTEN=f"127.0.0.1:{http_port}", HTTPS_LISTEN=f"127.0.0.1:{https_port}",
                CERT=cert, KEY=key, STATIC_ROOT=DEPLOY / "shop" / "static")
    with nginx(MAIN_CONF.format(d=tmp_path, site=site), tmp_path, https_port):
        stack = Stack(tmp_path, https_port, http_port, cert)
        status, headers, body = stack.request("GET", "/healthz")
        assert status == 502 and b"502 Bad Gateway" in body
        assert stack.request("GET", "/static/site.css")[0] == 200  # static files do not need Gunicorn


def test_nginx_answers_504_when_gunicorn_is_too_slow(tmp_path):
    """proxy_read_timeout, shortened to 1 s: an upstream that accepts the connection but never answers."""
    text = SITE.read_text()
    assert "proxy_read_timeout    60s;" in text
    cert, key = certificate(tmp_path)
    http_port, https_port = free_port(), free_port()
    with socket.socket() as silent:  # the kernel completes the handshake; nothing ever replies
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        site = fill(text.replace("proxy_read_timeout    60s;", "proxy_read_timeout    1s;"),
                    UPSTREAM=f"127.0.0.1:{silent.getsockname()[1]}",
                    HTTP_LISTEN=f"127.0.0.1:{http_port}", HTTPS_LISTEN=f"127.0.0.1:{https_port}",
                    CERT=cert, KEY=key, STATIC_ROOT=DEPLOY / "shop" / "static")
        with nginx(MAIN_CONF.format(d=tmp_path, site=site), tmp_path, https_port):
            status, headers, body = Stack(tmp_path, https_port, http_port, cert).request("GET", "/slow")
    assert status == 504 and b"504 Gateway Time-out" in body
    assert headers["Server"].startswith("nginx")
