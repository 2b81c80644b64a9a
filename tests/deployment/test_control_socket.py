"""Gunicorn 25.1+'s control socket, driven with gunicornc: what TTIN and reading the log did."""

import json
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

from tests.deployment.stack import APP, CONFIG, environment
from tests.servers import gunicorn, wait_for


def gunicornc(socket_path, command):
    program = shutil.which("gunicornc", path=str(Path(sys.executable).parent))
    assert program, "gunicornc comes with gunicorn 25.1+: pip install -r requirements.txt"
    run = subprocess.run([program, "-s", str(socket_path), "-c", command, "-j"], capture_output=True,
                         text=True, timeout=30, check=True)
    return json.loads(run.stdout)


def booted(log):
    return re.findall(r"Booting worker with pid: (\d+)", log.read_text())


def test_gunicornc_lists_and_adds_workers(tmp_path):
    log, ctl = tmp_path / "gunicorn.log", tmp_path / "gunicorn.ctl"  # XDG_RUNTIME_DIR is tmp_path
    with gunicorn(APP, tmp_path, config=CONFIG, env=environment()):
        wait_for(lambda: len(booted(log)) == 2 and ctl.exists(), what="two workers and the socket")
        mode = stat.S_IMODE(ctl.stat().st_mode)
        workers = gunicornc(ctl, "show workers")
        added = gunicornc(ctl, "worker add 1")  # what `kill -TTIN <master>` does
        wait_for(lambda: len(booted(log)) == 3, what="a third worker")
    assert mode == 0o600  # control_socket_mode: the server's own user only
    assert workers["count"] == 2
    assert sorted(str(w["pid"]) for w in workers["workers"]) == sorted(booted(log)[:2])
    assert added["added"] == 1, added
