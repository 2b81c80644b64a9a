"""nginx in front of Gunicorn, both real, with the chapter's nginx-shop.conf and gunicorn.conf.py."""

import contextlib
import json
import re
import runpy
import socket
import ssl
import subprocess
from pathlib import Path

import pytest

from snippets.deployment import tested_versions
from tests.deployment.stack import (CONFIG, DEPLOY, MAIN_CONF, SITE, Stack, certificate, fill, shop_behind_nginx)
from tests.servers import free_port, nginx, program, wait_for

DEBIAN_DEFAULT = DEPLOY / "debian-default-site.conf"


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
    assert status == 400
    # Werkzeug's page, not nginx's ("<center><h1>400 Bad Request</h1></center>"): nginx passed the
    # name on, since its server is the port's default, and TRUSTED_HOSTS refused it in Flask.
    assert b"Host &#39;evil.example&#39; is not trusted." in body and b"<center>" not in body


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
    # Only the first POST reached Gunicorn, over HTTP/1.1 (`proxy_http_version 1.1`).
    wait_for(lambda: '"POST /upload HTTP/1.1" 200' in stack.log("gunicorn.log"), what="access line")
    assert stack.log("gunicorn.log").count('"POST /upload HTTP/1.1"') == 1


def test_a_chunked_body_over_the_limit_gets_413_while_nginx_reads_it(stack):
    """No Content-Length to decide from: nginx counts the chunks as they arrive."""
    before = stack.log("gunicorn.log").count("POST /upload")
    chunks = (b"x" * 65536 for _ in range(24))  # 1.5 MiB; http.client sends it chunked
    status, headers, body = stack.request("POST", "/upload", body=chunks)
    assert status == 413 and headers["Server"].startswith("nginx")
    wait_for(lambda: "client intended to send too large chunked body" in stack.log("error.log"),
             what="nginx's error line")
    assert stack.log("gunicorn.log").count("POST /upload") == before  # Gunicorn never saw it


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


def installed_nginx():
    """(1, 22, 1) for the nginx the tests run, from the function the pages show."""
    shown = tested_versions.nginx_version()
    return tuple(int(n) for n in re.search(r"nginx/(\d+)\.(\d+)\.(\d+)", shown).groups())


def test_the_pages_show_the_nginx_the_tests_run(monkeypatch):
    shown = tested_versions.nginx_version()
    run = subprocess.run([program("nginx"), "-v"], capture_output=True, text=True, timeout=10)
    assert shown == "$ nginx -v\n" + run.stderr.strip()
    assert installed_nginx() >= (1, 22, 0)
    monkeypatch.setattr(tested_versions.shutil, "which", lambda *args, **kwargs: None)
    assert "command not found" in tested_versions.nginx_version()


def test_nginx_keeps_its_connection_to_gunicorn_open_between_requests(stack):
    """`keepalive` in the upstream block: three requests, one upstream connection (one source port)."""
    ports = {stack.json("/whoami")["remote_port"] for _ in range(3)}
    assert len(ports) == 1


def test_nginx_drops_an_idle_upstream_connection_before_gunicorn_does():
    nginx_idle = int(re.search(r"^\s*keepalive_timeout (\d+)s;", SITE.read_text(), re.MULTILINE).group(1))
    assert nginx_idle < runpy.run_path(str(CONFIG))["keepalive"]  # 4 s < 5 s


def negotiated(https_port, cert):
    """The protocol a browser would get: it offers h2 and http/1.1 in the TLS handshake (ALPN)."""
    context = ssl.create_default_context(cafile=str(cert))
    context.set_alpn_protocols(["h2", "http/1.1"])
    with socket.create_connection(("127.0.0.1", https_port), timeout=10) as raw, \
            context.wrap_socket(raw, server_hostname="shop.example.com") as tls:
        return tls.selected_alpn_protocol()


def test_the_site_file_serves_http_1_1_over_tls_and_http2_needs_its_directive(stack, tmp_path):
    assert negotiated(stack.https_port, stack.directory / "cert.pem") == "http/1.1"
    # Turned on: `http2 on;` from nginx 1.25.1, the `http2` parameter of `listen` before that.
    text = SITE.read_text()
    if installed_nginx() >= (1, 25, 1):
        text = text.replace("    client_max_body_size 1m;", "    http2 on;\n    client_max_body_size 1m;")
    else:
        text = text.replace("listen {{HTTPS_LISTEN}} ssl;", "listen {{HTTPS_LISTEN}} ssl http2;")
    cert, key = certificate(tmp_path)
    http_port, https_port = free_port(), free_port()
    site = fill(text, UPSTREAM=f"127.0.0.1:{free_port()}", HTTP_LISTEN=f"127.0.0.1:{http_port}",
                HTTPS_LISTEN=f"127.0.0.1:{https_port}", CERT=cert, KEY=key, STATIC_ROOT=DEPLOY / "shop" / "static")
    with nginx(MAIN_CONF.format(d=tmp_path, site=site), tmp_path, https_port):
        assert negotiated(https_port, cert) == "h2"


def active_lines(text):
    return [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#")]


def test_the_copy_of_debians_default_site_is_what_the_package_installs():
    installed = Path("/etc/nginx/sites-available/default")
    if not installed.exists():
        pytest.fail(f"{installed} is missing, so the copy in snippets/deployment/debian-default-site.conf "
                    "cannot be compared with it. Install Debian's nginx package, which ships that file "
                    "(in nginx-common): `sudo apt-get install nginx`.", pytrace=False)
    assert active_lines(installed.read_text()) == active_lines(DEBIAN_DEFAULT.read_text())


@pytest.fixture
def next_to_debians_default(tmp_path):
    """The shop's site file and Debian's stock default site on one HTTP port, as Debian's nginx.conf
    includes them (conf.d/*.conf, then sites-enabled/*). Yields a function that starts nginx."""
    @contextlib.contextmanager
    def start(shop_site_text):
        http_port, https_port = free_port(), free_port()
        cert, key = certificate(tmp_path)
        shop = fill(shop_site_text, UPSTREAM=f"127.0.0.1:{free_port()}", HTTP_LISTEN=f"127.0.0.1:{http_port}",
                    HTTPS_LISTEN=f"127.0.0.1:{https_port}", CERT=cert, KEY=key,
                    STATIC_ROOT=DEPLOY / "shop" / "static")
        debian = DEBIAN_DEFAULT.read_text()
        debian = debian.replace("listen 80 default_server;", f"listen 127.0.0.1:{http_port} default_server;")
        debian = debian.replace("listen [::]:80 default_server;", "")  # loopback only in the tests
        with nginx(MAIN_CONF.format(d=tmp_path, site=shop + debian), tmp_path, http_port):
            yield Stack(tmp_path, https_port, http_port, cert)
    return start


def test_server_name_underscore_loses_to_debians_default_site(next_to_debians_default):
    """The claim that `server_name _` accepts every name: false as soon as another server is the default."""
    old = SITE.read_text().replace("server_name shop.example.com;", "server_name _;")
    with next_to_debians_default(old) as stack:
        status, headers, body = stack.request("GET", "/healthz", tls=False)
        log = stack.log("nginx.log") + stack.log("error.log")
    assert status == 404 and b"404 Not Found" in body  # Debian's site answered: no redirect to https
    assert 'conflicting server name "_"' in log


def test_the_shops_real_server_name_wins_next_to_debians_default_site(next_to_debians_default):
    with next_to_debians_default(SITE.read_text()) as stack:
        status, headers, _ = stack.request("GET", "/healthz", tls=False)
        other = stack.request("GET", "/healthz", tls=False, headers={"Host": "other.example"})[0]
    assert (status, headers["Location"]) == (301, "https://shop.example.com/healthz")
    assert other == 404  # a name nobody serves still goes to Debian's default_server
