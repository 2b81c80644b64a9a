"""Real servers for the tests, on loopback only: started by the test, stopped after it.

    with redis_server(tmp_path) as url:                      # redis://127.0.0.1:PORT/0
    with gunicorn("snippets.deployment.app:create_app()", tmp_path, config=...) as url:
    with nginx(conf_text, tmp_path) as url:                  # the test fills in the ports
    with python_process([...], tmp_path, name="worker"):     # a Celery or RQ worker, say

Each one runs in its own process group, is waited for with a deadline (never an
open-ended loop), and is stopped with its children when the `with` block ends,
even when the test fails. A missing program fails the test with the command that
installs it: `python3 scripts/dev.py check` installs them when run as root.
Python processes started here are measured by coverage like the tests themselves
(`patch` in pyproject.toml).
"""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from scripts.dev import SYSTEM as PROGRAMS  # program -> Debian package; dev.py installs them

ROOT = Path(__file__).resolve().parent.parent
LOOPBACK = "127.0.0.1"


def program(name):
    """The path of a system program, or a test failure that says how to install it."""
    path = shutil.which(name) or shutil.which(name, path="/usr/sbin:/usr/local/sbin")
    if path is None:
        pytest.fail(f"`{name}` is not installed. Run `python3 scripts/dev.py check` as root to have it "
                    f"installed, or install it yourself: `sudo apt-get install {PROGRAMS[name]}` "
                    f"(macOS: `brew install {PROGRAMS[name]}`).", pytrace=False)
    return path


def free_port():
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


def wait_for(condition, seconds=10, what="condition", interval=0.05):
    """Poll `condition` until it returns something truthy and return that; TimeoutError after
    `seconds` (`what` names what never happened; a callable is asked at that moment). Every
    polling loop of the tests and the bench is this one: bounded, never open-ended."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(interval)
    raise TimeoutError(f"{what() if callable(what) else what} not met within {seconds} s")


def wait_until_listening(port, process, log, seconds=20):
    def listening():
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}:\n{log.read_text()}")
        with contextlib.suppress(OSError):
            socket.create_connection((LOOPBACK, port), timeout=0.2).close()
            return True
    wait_for(listening, seconds, lambda: f"{process.args[0]} listening on {LOOPBACK}:{port}:\n{log.read_text()}")


def stop(process, seconds=10):
    """SIGTERM the process group (graceful), SIGKILL it if it is still there after `seconds`."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(seconds)
            return
        except subprocess.TimeoutExpired:
            continue


@contextlib.contextmanager
def running(args, directory, name, port=None, env=None):
    """Run `args` in `directory`, logging to `directory/<name>.log`; wait for `port` if given."""
    log = Path(directory) / f"{name}.log"
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    with open(log, "wb") as out:
        process = subprocess.Popen(args, cwd=directory, stdout=out, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, env=environment, start_new_session=True)
    try:
        if port is not None:
            wait_until_listening(port, process, log)
        yield process
    finally:
        stop(process)


@contextlib.contextmanager
def python_process(args, directory, name, port=None, env=None):
    """A Python program with the guide's virtual environment and the repository on its path."""
    with running([sys.executable, *args], directory, name, port, env) as process:
        yield process


@contextlib.contextmanager
def in_a_thread(server):
    """A socketserver-style server (http.server, Werkzeug's) serving from a thread of this
    process; yields its port, and shuts it down on leaving."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_port
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@contextlib.contextmanager
def redis_server(directory):
    """A throwaway Redis on a free loopback port, persisting nothing."""
    port = free_port()
    args = [program("redis-server"), "--bind", LOOPBACK, "--port", str(port), "--save", "",
            "--appendonly", "no", "--dir", str(directory), "--protected-mode", "yes"]
    with running(args, directory, "redis", port):
        yield f"redis://{LOOPBACK}:{port}/0"


@contextlib.contextmanager
def gunicorn(app, directory, config=None, args=(), env=None, name="gunicorn"):
    """Gunicorn serving `app` ("module:callable") on a free loopback port; yields its base URL.

    `--bind` on the command line overrides any bind in `config`, so a chapter's config file is
    used exactly as written apart from the address. Gunicorn 25.1+ opens a control socket under
    $XDG_RUNTIME_DIR (else ~/.gunicorn/): pointing that at `directory` keeps two Gunicorns apart
    and leaves nothing in the home folder.
    """
    port = free_port()
    command = ["-m", "gunicorn", "--bind", f"{LOOPBACK}:{port}"]
    if config is not None:
        command += ["--config", str(config)]
    env = {"XDG_RUNTIME_DIR": str(directory), **(env or {})}
    with python_process([*command, *args, app], directory, name, port, env):
        yield f"http://{LOOPBACK}:{port}"


@contextlib.contextmanager
def nginx(conf, directory, port):
    """nginx with the configuration text `conf` (already holding `port` and the upstream ports).

    It runs in the foreground with its pid file and error log inside `directory`; `conf` must put
    its access log and temp paths there too (Debian's defaults are under /var) and must not set
    `user`, `pid` or `daemon`. As root, the workers run as root so they can read `directory`.
    """
    directory = Path(directory)
    path = directory / "nginx.conf"
    path.write_text(conf)
    args = [program("nginx"), "-p", str(directory), "-c", str(path), "-e", str(directory / "error.log"),
            "-g", f"daemon off; pid {directory / 'nginx.pid'};" + (" user root;" if os.geteuid() == 0 else "")]
    with running(args, directory, "nginx", port):
        yield f"http://{LOOPBACK}:{port}"
