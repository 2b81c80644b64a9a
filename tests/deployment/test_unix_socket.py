"""Gunicorn on a Unix socket behind nginx: forwarded_allow_ips does not apply to its peers."""

import http.client
import json
import shutil
import socket
import stat
import tempfile
from pathlib import Path

import pytest

from tests.deployment.stack import APP, CONFIG, DEPLOY, MAIN_CONF, SITE, Stack, certificate, environment, fill
from tests.servers import free_port, gunicorn, nginx

FORGED = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9", "X-Forwarded-Host": "evil.example"}


@pytest.fixture
def socket_dir():
    """A short path: a Unix socket's name must fit in 108 bytes, and pytest's tmp_path may not."""
    directory = Path(tempfile.mkdtemp(prefix="ffg-sock-"))
    yield directory
    shutil.rmtree(directory, ignore_errors=True)


def over_unix(path, url, headers):
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(10)
    sock.connect(str(path))
    conn = http.client.HTTPConnection("localhost", timeout=10)
    conn.sock = sock
    try:
        conn.request("GET", url, headers={"Host": "localhost", **headers})
        response = conn.getresponse()
        return json.loads(response.read())
    finally:
        conn.close()


def test_a_unix_socket_peer_is_trusted_whatever_forwarded_allow_ips_says(tmp_path, socket_dir):
    """The chapter's config trusts nobody (forwarded_allow_ips = ""): true on TCP, not on the socket."""
    path = socket_dir / "gunicorn.sock"
    # Two binds: the helper's TCP port, and the Unix socket nginx would use.
    with gunicorn(APP, tmp_path, config=CONFIG, args=["--bind", f"unix:{path}"], env=environment()) as url:
        tcp_seen = over_tcp(url, FORGED)
        seen = over_unix(path, "/whoami", FORGED)
        mode = stat.S_IMODE(path.stat().st_mode)
    assert tcp_seen["scheme"] == "http"  # forwarded_allow_ips = "" on TCP: not believed
    assert seen["scheme"] == "https"  # on the socket: believed, from any local process
    assert seen["external_url"] == "https://localhost/healthz"  # so every external URL says https
    assert seen["remote_addr"] == ""  # a Unix socket peer has no address
    assert mode == 0o777  # Gunicorn's umask setting is 0: any local user may connect


def test_gunicorns_umask_setting_decides_who_may_connect(tmp_path, socket_dir):
    path = socket_dir / "gunicorn.sock"
    args = ["--bind", f"unix:{path}", "--umask", "0o007"]
    with gunicorn(APP, tmp_path, config=CONFIG, args=args, env=environment()):
        assert stat.S_IMODE(path.stat().st_mode) == 0o770  # the owner and the group only


def over_tcp(url, headers):
    host, port = url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        conn.request("GET", "/whoami", headers=headers)
        return json.loads(conn.getresponse().read())
    finally:
        conn.close()


def test_nginx_to_gunicorn_over_a_unix_socket_with_proxyfix(tmp_path, socket_dir):
    path = socket_dir / "gunicorn.sock"
    env = environment(BEHIND_PROXY="true")
    with gunicorn(APP, tmp_path, config=CONFIG, args=["--bind", f"unix:{path}"], env=env):
        cert, key = certificate(tmp_path)
        http_port, https_port = free_port(), free_port()
        site = fill(SITE.read_text(), UPSTREAM=f"unix:{path}", HTTP_LISTEN=f"127.0.0.1:{http_port}",
                    HTTPS_LISTEN=f"127.0.0.1:{https_port}", CERT=cert, KEY=key,
                    STATIC_ROOT=DEPLOY / "shop" / "static")
        with nginx(MAIN_CONF.format(d=tmp_path, site=site), tmp_path, https_port):
            seen = Stack(tmp_path, https_port, http_port, cert).json("/whoami", headers=FORGED)
    # nginx overwrote the proto and host and appended to X-Forwarded-For; ProxyFix read one hop.
    assert (seen["remote_addr"], seen["scheme"], seen["host"]) == ("127.0.0.2", "https", "shop.example.com")
