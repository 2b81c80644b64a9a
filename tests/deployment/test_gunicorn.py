"""Real Gunicorn with the chapter's gunicorn.conf.py: logs, a graceful reload, the start command."""

import json
import multiprocessing
import os
import re
import runpy
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request

import pytest

from tests.deployment.stack import APP, CONFIG, DEPLOY, environment
from tests.servers import free_port, gunicorn, python_process, wait_for


def get(url, headers=None):
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=10) as response:
        return response.status, dict(response.headers), json.loads(response.read())


def booted(log):
    return [int(pid) for pid in re.findall(r"Booting worker with pid: (\d+)", log.read_text())]


def test_the_config_file_as_written(monkeypatch):
    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    monkeypatch.delenv("GUNICORN_BIND", raising=False)
    settings = runpy.run_path(str(CONFIG))
    assert settings["bind"] == "127.0.0.1:8000"
    assert settings["workers"] == multiprocessing.cpu_count() * 2 + 1
    assert (settings["worker_class"], settings["threads"]) == ("gthread", 4)
    assert (settings["timeout"], settings["graceful_timeout"]) == (30, 30)
    assert (settings["max_requests"], settings["max_requests_jitter"]) == (1000, 100)
    assert (settings["accesslog"], settings["errorlog"]) == ("-", "-")
    assert settings["forwarded_allow_ips"] == ""
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    assert runpy.run_path(str(CONFIG))["workers"] == 3


def test_gunicorn_serves_the_app_and_logs_both_kinds_of_line(tmp_path):
    log = tmp_path / "gunicorn.log"
    with gunicorn(APP, tmp_path, config=CONFIG, env=environment()) as url:
        # Poll /healthz like a load balancer until a worker answers (bounded).
        status, headers, body = wait_for(lambda: get(url + "/healthz"), what="/healthz")
        assert status == 200 and body["status"] == "ok"
        assert headers["Server"] == "gunicorn"
        # async def view, plain WSGI server, no adapter
        assert get(url + "/readyz")[2] == {"ready": True, "checks": {"database": True, "cache": True}}
        # forwarded_allow_ips = "": a direct client cannot claim https, even from 127.0.0.1
        assert get(url + "/whoami", {"X-Forwarded-Proto": "https"})[2]["scheme"] == "http"
        wait_for(lambda: '"GET /whoami HTTP/1.1" 200' in log.read_text(), what="access log line")
        # Gunicorn has no body limit: 2 MiB reach the app, and Flask's MAX_CONTENT_LENGTH says 413.
        too_big = urllib.request.Request(url + "/upload", data=b"x" * (2 * 1024 * 1024), method="POST")
        try:
            urllib.request.urlopen(too_big, timeout=10).close()
        except urllib.error.HTTPError as error:
            with error:
                refused_by = (error.code, error.headers["Server"], b"Request Entity Too Large" in error.read())
        assert refused_by == (413, "gunicorn", True)
        text = log.read_text()
    assert "[INFO] Using worker: gthread" in text
    assert len(booted(log)) == 2  # WEB_CONCURRENCY=2
    assert re.search(r"INFO \[\d+\] shop: shop ready, behind_proxy=False", text)  # app logging
    assert re.search(r'127\.0\.0\.1 - - \[.+\] "GET /healthz HTTP/1\.1" 200 \d+ "-" "Python-urllib', text)


def test_without_the_setting_gunicorn_trusts_x_forwarded_proto_from_loopback(tmp_path):
    forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9",
                 "X-Forwarded-Host": "shop.example.com"}
    with gunicorn(APP, tmp_path, env=environment()) as url:  # Gunicorn's defaults
        seen = get(url + "/whoami", forwarded)[2]
    assert seen["scheme"] == "https"  # believed: the connection came from 127.0.0.1
    # ... but the address and the host are left alone: that part is ProxyFix's.
    assert (seen["remote_addr"], seen["host"]) == ("127.0.0.1", url.removeprefix("http://"))


def test_the_worker_count_follows_the_machines_cpus_not_the_ones_the_process_may_use():
    """cpu_count() counts the machine: pinned to one CPU (as a container limit would), the config
    still sizes for all of them. Set WEB_CONCURRENCY wherever the process gets less."""
    code = ("import os, runpy, sys; os.sched_setaffinity(0, {min(os.sched_getaffinity(0))}); "
            "print(len(os.sched_getaffinity(0)), runpy.run_path(sys.argv[1])['workers'])")
    env = {k: v for k, v in os.environ.items() if k != "WEB_CONCURRENCY"}
    out = subprocess.run([sys.executable, "-c", code, str(CONFIG)], env=env, capture_output=True,
                         text=True, check=True, timeout=30).stdout.split()
    assert out == ["1", str(os.cpu_count() * 2 + 1)]


def test_gunicorn_defaults_named_on_the_page():
    """Gunicorn 27's own defaults, read in a fresh interpreter without the variables that change them."""
    code = ("import json; from gunicorn.config import Config; c = Config(); print(json.dumps([c.workers, "
            "c.worker_class_str, c.threads, c.timeout, c.graceful_timeout, c.keepalive, c.max_requests, "
            "c.accesslog, c.errorlog, c.forwarded_allow_ips, c.preload_app]))")
    env = {k: v for k, v in os.environ.items() if k not in ("WEB_CONCURRENCY", "FORWARDED_ALLOW_IPS", "PORT")}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True,
                         timeout=30).stdout
    assert json.loads(out) == [1, "sync", 1, 30, 30, 2, 0, None, "-", ["127.0.0.1", "::1"], False]


def test_gunicorn_limits_the_request_line_and_headers_but_not_the_body():
    from gunicorn.config import make_settings
    from waitress.adjustments import Adjustments

    settings = make_settings()
    limits = {name: setting.default for name, setting in settings.items() if name.startswith("limit_request")}
    assert limits == {"limit_request_line": 4094, "limit_request_fields": 100, "limit_request_field_size": 8190}
    assert not [name for name in settings if "body" in name]
    assert Adjustments.max_request_body_size == 1024 ** 3  # Waitress: 1 GiB unless you lower it


def test_gunicorn_27_has_no_eventlet_worker():
    from gunicorn.workers import SUPPORTED_WORKERS

    assert "eventlet" not in SUPPORTED_WORKERS
    assert {"sync", "gthread", "gevent"} <= set(SUPPORTED_WORKERS)


def test_timeout_bounds_a_request_on_sync_workers_but_not_on_gthread(tmp_path):
    """A 2.5 s request: the sync worker is killed after 1 s; the gthread worker keeps reporting in."""
    env = {**environment(), "WEB_CONCURRENCY": "1"}
    results = {}

    def call(name, url):
        try:
            results[name] = get(url + "/slow?seconds=2.5")[0]
        except urllib.error.HTTPError as error:
            with error:
                results[name] = error.code

    (tmp_path / "sync").mkdir()
    (tmp_path / "gthread").mkdir()
    sync_args = ["--worker-class", "sync", "--threads", "1", "--timeout", "1"]
    with gunicorn(APP, tmp_path / "sync", config=CONFIG, args=sync_args, env=env) as sync_url, \
            gunicorn(APP, tmp_path / "gthread", config=CONFIG, args=["--timeout", "2"], env=env) as gthread_url:
        threads = [threading.Thread(target=call, args=("sync", sync_url)),
                   threading.Thread(target=call, args=("gthread", gthread_url))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(15)
    assert results == {"sync": 500, "gthread": 200}
    assert "WORKER TIMEOUT" in (tmp_path / "sync" / "gunicorn.log").read_text()
    assert "WORKER TIMEOUT" not in (tmp_path / "gthread" / "gunicorn.log").read_text()


def test_sighup_replaces_the_workers_while_a_request_finishes(tmp_path):
    log = tmp_path / "gunicorn.log"
    with gunicorn(APP, tmp_path, config=CONFIG, env=environment()) as url:
        master = int(wait_for(lambda: re.search(r"Listening at: \S+ \((\d+)\)", log.read_text()),
                              what="master pid").group(1))
        old = wait_for(lambda: len(booted(log)) == 2 and booted(log), what="two workers")

        slow = {}
        thread = threading.Thread(target=lambda: slow.update(result=get(url + "/slow?seconds=1")))
        thread.start()
        wait_for(lambda: "slow request started" in log.read_text(), what="the slow request")

        os.kill(master, signal.SIGHUP)
        new = wait_for(lambda: len(booted(log)) == 4 and booted(log)[2:], what="two new workers")
        for pid in old:  # every old worker exits, the busy one after its request
            wait_for(lambda: f"Worker exiting (pid: {pid})" in log.read_text(), what=f"{pid} to exit")
        thread.join(10)
        status, _, body = slow["result"]
        assert status == 200 and body["pid"] in old  # the old worker finished it

        assert get(url + "/healthz")[2]["pid"] in new
        text = log.read_text()
    assert "Handling signal: hup" in text
    assert set(old).isdisjoint(new)
    if sys.platform == "linux":
        assert not any(os.path.exists(f"/proc/{pid}") for pid in old)


def both_workers_ready(log):
    """The pids of two workers that have built the app ("Booting worker" comes before the import)."""
    text = log.read_text()
    return text.count("shop ready, behind_proxy") == 2 and booted(log)


def refused(url):
    port = int(url.rsplit(":", 1)[1])
    try:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
    except ConnectionRefusedError:
        return True
    return False


def master_pid(log):
    found = wait_for(lambda: re.search(r"Listening at: \S+ \((\d+)\)", log.read_text()), what="master pid")
    return int(found.group(1))


def test_sigterm_lets_the_request_in_flight_finish_then_nothing_listens(tmp_path):
    """A stop is graceful too: what a stop-and-start loses is the time no master is listening."""
    log = tmp_path / "gunicorn.log"
    with gunicorn(APP, tmp_path, config=CONFIG, env=environment()) as url:
        master = master_pid(log)
        wait_for(lambda: both_workers_ready(log), what="two workers")
        slow = {}
        thread = threading.Thread(target=lambda: slow.update(result=get(url + "/slow?seconds=1")))
        thread.start()
        wait_for(lambda: "slow request started" in log.read_text(), what="the slow request")
        os.kill(master, signal.SIGTERM)
        thread.join(10)
        wait_for(lambda: refused(url), what="the listening socket to close")
        wait_for(lambda: "Shutting down: Master" in log.read_text(), what="the master to exit")
    assert slow["result"][0] == 200  # finished within graceful_timeout, not cut off


def copy_of_the_shop(directory):
    """The shop in a folder of the test's own, so the test can deploy broken code to it."""
    shutil.copytree(DEPLOY / "shop", directory / "shop", ignore=shutil.ignore_patterns("__pycache__"))
    return directory / "shop" / "views.py"


BROKEN = '\nraise RuntimeError("a broken deploy")\n'
NEW_VIEW = '\n\n@bp.get("/version")\ndef version():\n    return {"version": 2, "pid": os.getpid()}\n'


def test_sighup_with_code_that_cannot_boot_stops_the_whole_server(tmp_path):
    views = copy_of_the_shop(tmp_path)
    log = tmp_path / "gunicorn.log"
    with gunicorn(APP, tmp_path, config=CONFIG, env={**environment(), "PYTHONPATH": str(tmp_path)}) as url:
        master = master_pid(log)
        old = wait_for(lambda: both_workers_ready(log), what="two workers")
        assert get(url + "/healthz")[0] == 200
        views.write_text(views.read_text() + BROKEN)  # the deploy: new code that raises on import
        os.kill(master, signal.SIGHUP)
        wait_for(lambda: refused(url), what="the listening socket to close")  # not even the old code is served
        # The master exits on HaltServer: "Reason: Worker failed to boot." with status 3, or, when the
        # second worker's exit is reaped while it stops, with that HaltServer's traceback (status 1).
        text = wait_for(lambda: "Worker failed to boot." in log.read_text() and log.read_text(), what="the exit")
    assert "RuntimeError: a broken deploy" in text  # each new worker, then ...
    assert "exited with code 3" in text  # ... Gunicorn's WORKER_BOOT_ERROR, which halts the master
    assert all(f"Worker exiting (pid: {pid})" in text for pid in old)  # the old ones were stopped at once


def reload_as_systemd_does(master, directory, env):
    """Run shop.service's ExecReload= lines in order, stopping at the first that fails, as systemd does."""
    unit = (DEPLOY / "shop.service").read_text().replace("\\\n", " ")  # systemd joins continued lines
    for line in re.findall(r"^ExecReload=(.+)$", unit, re.MULTILINE):
        command = shlex.split(line.replace("$MAINPID", str(master)))
        if command[0] == "/srv/shop/.venv/bin/python":
            command[0] = sys.executable  # the unit's virtual environment is this one in the tests
        result = subprocess.run(command, cwd=directory, env={**os.environ, **env}, capture_output=True,
                                text=True, timeout=30)
        if result.returncode != 0:
            break
    return result


def version_from_a_new_worker(url, new):
    try:
        body = get(url + "/version")[2]
    except urllib.error.HTTPError as error:  # an old worker, still finishing
        error.close()
        return None
    return body["pid"] in new and body


def test_the_units_reload_builds_the_app_before_it_sends_hup(tmp_path):
    views = copy_of_the_shop(tmp_path)
    env = {**environment(), "PYTHONPATH": str(tmp_path)}
    log = tmp_path / "gunicorn.log"
    with gunicorn(APP, tmp_path, config=CONFIG, env=env) as url:
        master = master_pid(log)
        old = wait_for(lambda: both_workers_ready(log), what="two workers")
        release = views.read_text() + NEW_VIEW

        views.write_text(release + BROKEN)  # deploy 1: broken
        failed = reload_as_systemd_does(master, tmp_path, env)
        assert failed.returncode == 1 and "RuntimeError: a broken deploy" in failed.stderr
        assert get(url + "/healthz")[2]["pid"] in old  # still up, still the old workers ...
        with pytest.raises(urllib.error.HTTPError) as missing:
            get(url + "/version")
        missing.value.close()
        assert missing.value.code == 404  # ... with the old code
        assert "Handling signal: hup" not in log.read_text()

        views.write_text(release)  # deploy 2: fixed
        assert reload_as_systemd_does(master, tmp_path, env).returncode == 0
        new = wait_for(lambda: len(booted(log)) == 4 and booted(log)[2:], what="two new workers")
        assert wait_for(lambda: version_from_a_new_worker(url, new), what="the new code")["version"] == 2
        assert "Handling signal: hup" in log.read_text()


def dockerfile_cmd():
    line = next(line for line in (DEPLOY / "Dockerfile").read_text().splitlines() if line.startswith("CMD "))
    return json.loads(line.removeprefix("CMD "))


def test_dockerfile_and_systemd_start_what_the_tests_start():
    cmd = dockerfile_cmd()
    assert cmd == ["gunicorn", "--config", CONFIG.name, APP]  # what gunicorn() runs above
    unit = (DEPLOY / "shop.service").read_text().replace("\\\n", " ")  # systemd joins continued lines
    exec_start = shlex.split(re.search(r"^ExecStart=(.+)$", unit, re.MULTILINE).group(1))
    assert os.path.basename(exec_start[0]) == "gunicorn" and exec_start[1:] == cmd[1:]
    reloads = re.findall(r"^ExecReload=(.+)$", unit, re.MULTILINE)
    assert reloads[-1] == "/bin/kill -s HUP $MAINPID"  # after the check, which Gunicorn's workers would run
    assert shlex.split(reloads[0])[1:] == ["-c", "from shop import create_app; create_app()"]
    assert APP == "shop:create_app()"


def test_dockerfile_pins_what_the_tests_ran_with():
    text = (DEPLOY / "Dockerfile").read_text()
    assert f"FROM python:{sys.version_info.major}.{sys.version_info.minor}-slim" in text
    assert "--require-hashes -r requirements.txt" in text  # the pins: tests/deployment/test_containers.py
    assert "GUNICORN_BIND=0.0.0.0:8000" in text and "EXPOSE 8000" in text
    assert "docker run --stop-timeout 35 -p 8000:8000" in text


def test_waitress_serves_the_same_factory(tmp_path):
    port = free_port()
    args = ["-m", "waitress", f"--listen=127.0.0.1:{port}", "--call", "shop:create_app"]
    with python_process(args, tmp_path, "waitress", port=port, env=environment()):
        status, headers, body = get(f"http://127.0.0.1:{port}/healthz")
    assert status == 200 and body["status"] == "ok"
    assert headers["Server"] == "waitress"


def test_the_development_server_says_it_is_not_for_production(tmp_path):
    port = free_port()
    args = ["-m", "flask", "--app", "shop", "run", "--port", str(port)]
    with python_process(args, tmp_path, "devserver", port=port, env=environment()):
        banner = wait_for(lambda: "Running on" in (tmp_path / "devserver.log").read_text()
                          and (tmp_path / "devserver.log").read_text(), what="the banner")
    assert ("WARNING: This is a development server. Do not use it in a production deployment. "
            "Use a production WSGI server instead.") in banner
    assert f"Running on http://127.0.0.1:{port}" in banner


def test_two_gunicorns_under_one_user_share_one_control_socket_path(tmp_path):
    """The default control socket ($XDG_RUNTIME_DIR/gunicorn.ctl, else ~/.gunicorn/) is per user,
    not per server: a second Gunicorn replaces the first one's socket, and removes it on exit."""
    ctl = tmp_path / "gunicorn.ctl"  # tests.servers points XDG_RUNTIME_DIR at the directory
    env = environment() | {"WEB_CONCURRENCY": "1"}
    with gunicorn(APP, tmp_path, env=env, name="old") as old:
        wait_for(lambda: "Control socket listening" in (tmp_path / "old.log").read_text(), what="old ctl")
        first = ctl.stat().st_ino
        with gunicorn(APP, tmp_path, env=env, name="new"):
            wait_for(lambda: "Control socket listening" in (tmp_path / "new.log").read_text(), what="new ctl")
            assert ctl.stat().st_ino != first  # the new server's socket now sits at the path
        wait_for(lambda: not ctl.exists(), what="the path to go")
        assert get(f"{old}/healthz")[0] == 200  # the old server still serves, with no control socket
