"""docs/troubleshooting/deployment.md: the log lines of real Gunicorn and nginx processes, on
127.0.0.1, for each symptom. The page cannot start a server, so it shows transcripts
(snippets/troubleshooting/deployment_*.txt); each test here runs the real thing again and fails
when what it logs no longer matches the transcript (FFG_RECORD=1 rewrites them when a change is
meant). Times, process ids and the random ports are replaced by names; long lines are wrapped
at spaces to fit a code block.
"""

import http.client
import os
import re
import socket
import subprocess
import sys
import textwrap
import urllib.error
import urllib.request
from pathlib import Path

import shutil
import tempfile

import pytest

from snippets.troubleshooting import deployment
from tests.deployment.stack import MAIN_CONF, fill
from tests.servers import LOOPBACK, ROOT, free_port, gunicorn, nginx, program, running, wait_for

SNIPPETS = Path(deployment.__file__).parent
UPSTREAM_CONF = SNIPPETS / "nginx_upstream.conf"
FORWARDED_CONF = SNIPPETS / "nginx_forwarded.conf"
UNIX_CONF = SNIPPETS / "nginx_unix_socket.conf"
APP = "deployment:app"  # as run from snippets/troubleshooting/, which is on PYTHONPATH
PATH = {"PYTHONPATH": os.pathsep.join([str(ROOT), str(SNIPPETS)])}


def tidy(text, names=None, directory=None):
    """Times, pids and ports replaced by names, so that a transcript is the same on every run."""
    if directory is not None:
        text = text.replace(str(directory), "<dir>")
    for value, name in (names or {}).items():
        text = text.replace(str(value), name)
    text = re.sub(r"\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}\]", "[<time>]", text)
    text = re.sub(r"\d{4}/\d\d/\d\d \d\d:\d\d:\d\d", "<time>", text)
    text = re.sub(r"\[\d+\] \[", "[<pid>] [", text)
    text = re.sub(r"pid: ?\d+", lambda m: "pid: <pid>" if " " in m[0] else "pid:<pid>", text)
    text = re.sub(r"\b\d+#\d+: \*\d+", "<pid>#0: *1", text)
    return text


def wrapped(lines):
    return "\n".join(textwrap.fill(line, 78, subsequent_indent="    ", break_long_words=False,
                                   break_on_hyphens=False) for line in lines)


def matches_transcript(name, lines):
    """The live lines against snippets/troubleshooting/<name>; FFG_RECORD=1 rewrites the file."""
    live = wrapped(lines)
    path = SNIPPETS / name
    if os.environ.get("FFG_RECORD"):
        path.write_text(live + "\n")
    assert live == path.read_text().rstrip("\n"), (
        f"{name}: the real server now logs something else: check it, then rerun with FFG_RECORD=1")
    return live


def run_gunicorn_to_exit(args, directory, seconds=60):
    """A Gunicorn that is expected to stop by itself (it cannot load the app, or cannot bind)."""
    env = {**os.environ, **PATH, "XDG_RUNTIME_DIR": str(directory)}
    done = subprocess.run([sys.executable, "-m", "gunicorn", *args], cwd=directory, env=env,
                          capture_output=True, text=True, timeout=seconds)
    return done.returncode, done.stderr


def get(url, timeout=10):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.read().decode()


def test_failed_to_find_attribute(tmp_path):
    port = free_port()
    module = "deployment"  # no ":app": Gunicorn looks for `application`
    code, log = run_gunicorn_to_exit(["--bind", f"{LOOPBACK}:{port}", "--workers", "1", module],
                                     tmp_path)
    assert code == 4  # Gunicorn's "app failed to load"
    keep = ("Starting gunicorn", "Booting worker", "Failed to find", "Worker exiting",
            "exited with code", "Shutting down", "Reason")
    lines = [tidy(line, {port: "<port>"}) for line in log.splitlines() if any(k in line for k in keep)]
    shown = matches_transcript("deployment_failed_to_find_attribute.txt",
                               [f"$ gunicorn --workers 1 {module}", *lines])
    assert f"Failed to find attribute 'application' in '{module}'." in shown


def test_worker_timeout(tmp_path):
    args = ["--workers", "1", "--timeout", "1", "--graceful-timeout", "1"]
    with gunicorn(APP, tmp_path, args=args, env=PATH) as url:
        status, _ = get(url + "/slow?seconds=3")
        log_file = tmp_path / "gunicorn.log"
        wait_for(lambda: "Booting worker" in log_file.read_text().split("WORKER TIMEOUT")[-1],
                 seconds=15, what="a new worker after the timeout")
        assert get(url + "/")[0] == 200  # the replacement worker serves
    log = log_file.read_text()
    every = log.splitlines()
    after = every[next(n for n, line in enumerate(every) if "WORKER TIMEOUT" in line):]
    keep = ("WORKER TIMEOUT", "Worker exiting", "SIGKILL", "exited", "Booting worker")
    lines = [tidy(line) for line in after if any(k in line for k in keep)][:3]
    shown = matches_transcript("deployment_worker_timeout.txt", [
        "$ gunicorn --workers 1 --timeout 1 deployment:app",
        f"GET /slow?seconds=3 -> {status}", *lines])
    assert "[CRITICAL] WORKER TIMEOUT (pid:<pid>)" in shown
    assert status == 500


def test_connection_in_use(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir(), second.mkdir()
    with gunicorn(APP, first, env=PATH) as url:
        port = int(url.rsplit(":", 1)[1])
        code, log = run_gunicorn_to_exit(["--bind", f"{LOOPBACK}:{port}", APP], second)
    assert code == 1
    lines = [tidy(line, {port: "8000"}) for line in log.splitlines()
             if "Connection in use" in line or "Retrying" in line or "Can't connect" in line
             or "Starting gunicorn" in line]
    shown = matches_transcript("deployment_connection_in_use.txt", [
        "$ gunicorn --bind 127.0.0.1:8000 deployment:app",
        "  (while another Gunicorn already listens on 127.0.0.1:8000)", *lines])
    assert "[ERROR] Connection in use: ('127.0.0.1', 8000)" in shown


def test_listening_on_127_0_0_1_only(tmp_path):
    with gunicorn(APP, tmp_path, env=PATH) as url:
        port = int(url.rsplit(":", 1)[1])
        inside = get(f"http://127.0.0.1:{port}/")
        with pytest.raises(ConnectionRefusedError) as refused:
            socket.create_connection(("127.0.0.2", port), timeout=5).close()
    assert inside == (200, "ok")
    error = refused.value
    matches_transcript("deployment_bound_to_loopback.txt", [
        "$ gunicorn --bind 127.0.0.1:8000 deployment:app",
        "GET http://127.0.0.1:8000/    (the address it listens on)",
        f"  {inside[0]} {inside[1]}",
        "GET http://127.0.0.2:8000/    (another address: in Docker, the container's)",
        f"  {type(error).__name__}: {error}"])


@pytest.fixture
def nginx_without_upstream(tmp_path):
    """nginx with the page's site, its upstream a free port where nothing listens."""
    listen, upstream = free_port(), free_port()
    site = fill(UPSTREAM_CONF.read_text(), LISTEN=f"{LOOPBACK}:{listen}",
                UPSTREAM=f"{LOOPBACK}:{upstream}")
    with nginx(MAIN_CONF.format(d=tmp_path, site=site), tmp_path, listen):
        yield listen, upstream, tmp_path / "error.log"


def nginx_request(port, method, path, body=None):
    conn = http.client.HTTPConnection(LOOPBACK, port, timeout=10)
    try:
        conn.request(method, path, body=body, headers={"Host": "shop.example.com"})
        response = conn.getresponse()
        return response.status, response.reason, response.read().decode()
    finally:
        conn.close()


def error_log_lines(path, needle):
    return wait_for(lambda: [line for line in path.read_text().splitlines() if needle in line],
                    seconds=5, what=f"{needle!r} in nginx's error.log")


def test_nginx_502_connection_refused(nginx_without_upstream):
    listen, upstream, error_log = nginx_without_upstream
    status, reason, body = nginx_request(listen, "GET", "/")
    assert status == 502 and "<center>nginx" in body
    lines = [tidy(line, {upstream: "8000", listen: "80"})
             for line in error_log_lines(error_log, "while connecting to upstream")]
    shown = matches_transcript("deployment_nginx_502.txt", [
        f"GET / -> {status} {reason}", "$ tail /var/log/nginx/error.log", *lines])
    assert "connect() failed (111: Connection refused) while\n    connecting to upstream" in shown


def test_nginx_413_client_intended_to_send_too_large_body(nginx_without_upstream):
    listen, _, error_log = nginx_without_upstream
    status, reason, body = nginx_request(listen, "POST", "/upload", body=b"x" * 2048)
    assert status == 413 and "413 Request Entity Too Large" in body
    lines = [tidy(line, {listen: "80"})
             for line in error_log_lines(error_log, "too large body")]
    shown = matches_transcript("deployment_nginx_413.txt", [
        f"POST /upload (2048 bytes) -> {status} {reason}", "$ tail /var/log/nginx/error.log",
        *lines])
    assert "client intended to send too large body: 2048 bytes" in shown


def test_external_urls_behind_nginx_name_the_upstream_until_the_headers_and_proxyfix(tmp_path):
    """Through a real nginx: by default it sends `Host: <proxy_pass address>`, and that is the
    host url_for(_external=True) builds; with the forwarded headers and ProxyFix, the public one."""
    results = {}
    for name, conf, app in (("plain", UPSTREAM_CONF, APP),
                            ("forwarded", FORWARDED_CONF, "deployment:proxied")):
        directory = tmp_path / name
        directory.mkdir()
        with gunicorn(app, directory, env=PATH) as url:
            upstream = url.removeprefix("http://")
            listen = free_port()
            site = fill(conf.read_text(), LISTEN=f"{LOOPBACK}:{listen}", UPSTREAM=upstream)
            with nginx(MAIN_CONF.format(d=directory, site=site), directory, listen):
                status, _, body = nginx_request(listen, "GET", "/reset-link")
        results[name] = (status, body.strip(), upstream)
    assert results["plain"][:2] == (200, f'{{"link":"http://{results["plain"][2]}/"}}')
    assert results["forwarded"][:2] == (200, '{"link":"http://shop.example.com/"}')


def test_url_for_external_through_the_test_client():
    forwarded = {"Host": "127.0.0.1:8000", "X-Forwarded-Proto": "https",
                 "X-Forwarded-Host": "shop.example.com"}
    plain = deployment.app.test_client().get("/reset-link", headers=forwarded)
    fixed = deployment.proxied.test_client().get("/reset-link", headers=forwarded)
    assert plain.json == {"link": "http://127.0.0.1:8000/"}
    assert fixed.json == {"link": "https://shop.example.com/"}


def test_the_app_routes_the_transcripts_use():
    client = deployment.app.test_client()
    assert client.get("/slow?seconds=0").text == "done"
    assert client.post("/upload", data=b"abc").json == {"bytes": 3}
    assert client.get("/").text == "ok"


@pytest.fixture
def socket_dir():
    """A short path: a Unix socket's name must fit in 108 bytes, and pytest's tmp_path may not."""
    directory = Path(tempfile.mkdtemp(prefix="ffg-sock-"))
    directory.chmod(0o755)
    yield directory
    shutil.rmtree(directory, ignore_errors=True)


def test_gunicorn_leaves_a_unix_socket_open_to_all_by_default():
    from gunicorn.config import Config

    assert Config().umask == 0  # so the socket is 0777 unless --umask says otherwise


def test_nginx_502_unix_socket_permission_denied(tmp_path, socket_dir):
    """Gunicorn's socket is its owner's only; nginx's workers run as someone else. As root the
    workers run as nobody and the socket is 0600 (the usual www-data against the app's user);
    as another user nginx cannot switch users, so the socket is 0000, refusing its owner too."""
    sock = socket_dir / "app.sock"
    as_root = os.geteuid() == 0
    umask = "0o177" if as_root else "0o777"
    listen = free_port()
    conf = MAIN_CONF.format(d=tmp_path, site=fill(UNIX_CONF.read_text(), LISTEN=f"{LOOPBACK}:{listen}",
                                                  SOCKET=sock))
    (tmp_path / "nginx.conf").write_text(conf)
    user = " user nobody nogroup;" if as_root else ""
    args = [program("nginx"), "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"),
            "-e", str(tmp_path / "error.log"),
            "-g", f"daemon off; pid {tmp_path / 'nginx.pid'};{user}"]
    (tmp_path / "gunicorn").mkdir()
    with gunicorn(APP, tmp_path / "gunicorn", args=["--bind", f"unix:{sock}", "--umask", umask],
                  env=PATH), running(args, tmp_path, "nginx", listen):
        status, reason, _ = nginx_request(listen, "GET", "/")
        lines = [tidy(line, {str(sock): "/run/gunicorn/app.sock", listen: "80"})
                 for line in error_log_lines(tmp_path / "error.log", "while connecting to upstream")]
    shown = matches_transcript("deployment_nginx_502_unix_socket.txt", [
        f"GET / -> {status} {reason}", "$ tail /var/log/nginx/error.log", *lines])
    assert status == 502
    assert "failed (13:\n    Permission denied) while connecting to upstream" in shown
