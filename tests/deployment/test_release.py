"""Releases side by side behind a `current` symlink, against a real Gunicorn: deploy, refuse, roll back."""

import json
import re
import shutil
import urllib.request

import pytest

from snippets.deployment.release import deploy, switch, switch_upstream
from tests.deployment.stack import (APP, CONFIG, DEPLOY, MAIN_CONF, SITE, Stack, certificate, environment, fill)
from tests.servers import free_port, gunicorn, nginx, python_process, wait_for

VERSION_VIEW = '\n\n@bp.get("/version")\ndef version():\n    return {{"release": "{name}", "pid": os.getpid()}}\n'
BROKEN = '\nraise RuntimeError("a broken deploy")\n'


def release(root, name, broken=False):
    """A built release: the chapter's shop plus a /version view that names the folder."""
    folder = root / "releases" / name
    shutil.copytree(DEPLOY / "shop", folder / "shop", ignore=shutil.ignore_patterns("__pycache__"))
    views = folder / "shop" / "views.py"
    views.write_text(views.read_text() + VERSION_VIEW.format(name=name) + (BROKEN if broken else ""))
    return folder


def serving(url):
    with urllib.request.urlopen(url + "/version", timeout=10) as response:
        return json.loads(response.read())["release"]


def ready_workers(log):
    return log.read_text().count("shop ready, behind_proxy")


def master_of(log):
    return int(wait_for(lambda: re.search(r"Listening at: \S+ \((\d+)\)", log.read_text()),
                        what="master pid").group(1))


def env_without_the_shop():
    """The releases are the only place `shop` can come from (environment() points at snippets/)."""
    return {**environment(), "PYTHONPATH": ""}


def test_deploy_checks_switches_and_rolls_back(tmp_path):
    a, broken, b = release(tmp_path, "a"), release(tmp_path, "b-broken", broken=True), release(tmp_path, "b")
    current = tmp_path / "current"
    switch(current, a)
    log = tmp_path / "gunicorn.log"
    env = env_without_the_shop()
    with gunicorn(APP, tmp_path, config=CONFIG, args=["--chdir", str(current)], env=env) as url:
        master = master_of(log)
        wait_for(lambda: ready_workers(log) == 2, what="two workers")
        assert serving(url) == "a"

        with pytest.raises(RuntimeError, match="b-broken cannot boot") as refused:
            deploy(current, broken, master, env)
        assert "RuntimeError: a broken deploy" in str(refused.value)
        assert current.resolve() == a and "Handling signal: hup" not in log.read_text()
        assert serving(url) == "a"  # the server never heard of the broken release

        previous = deploy(current, b, master, env)
        assert previous == a and current.resolve() == b
        wait_for(lambda: ready_workers(log) == 4, what="two new workers")
        assert wait_for(lambda: serving(url) == "b", what="release b")

        deploy(current, previous, master, env)  # the rollback: a deploy of what was serving
        wait_for(lambda: ready_workers(log) == 6, what="two more workers")
        assert wait_for(lambda: serving(url) == "a", what="release a again")
    assert log.read_text().count("Handling signal: hup") == 2


def test_without_chdir_a_hup_reloads_the_release_the_master_started_in(tmp_path):
    """Started from inside `current` (systemd's WorkingDirectory=/srv/shop/current), the master's
    directory is the resolved folder, so a HUP after the switch imports the old release again."""
    a, b = release(tmp_path, "a"), release(tmp_path, "b")
    current = tmp_path / "current"
    switch(current, a)
    port = free_port()
    args = ["-m", "gunicorn", "--bind", f"127.0.0.1:{port}", "--config", str(CONFIG), APP]
    env = {**env_without_the_shop(), "XDG_RUNTIME_DIR": str(tmp_path)}
    # The log is opened through the link, so it is a's file from then on.
    with python_process(args, current, "gunicorn", port=port, env=env):
        log = a / "gunicorn.log"
        url = f"http://127.0.0.1:{port}"
        master = master_of(log)
        wait_for(lambda: ready_workers(log) == 2, what="two workers")
        deploy(current, b, master, env)  # the check passes, the link moves, HUP is sent ...
        wait_for(lambda: ready_workers(log) == 4, what="two new workers")
        assert serving(url) == "a"  # ... and the new workers run the old code
    assert "Handling signal: hup" in log.read_text()


def test_blue_green_switches_nginx_between_two_gunicorns_and_back(tmp_path):
    a, b = release(tmp_path, "a"), release(tmp_path, "b")
    (tmp_path / "blue").mkdir()
    (tmp_path / "green").mkdir()
    env = env_without_the_shop()
    upstream = tmp_path / "shop-upstream.conf"
    with gunicorn(APP, tmp_path / "blue", config=CONFIG, args=["--chdir", str(a)], env=env) as blue, \
            gunicorn(APP, tmp_path / "green", config=CONFIG, args=["--chdir", str(b)], env=env) as green:
        upstream.write_text(f"server {blue.removeprefix('http://')};\n")
        cert, key = certificate(tmp_path)
        http_port, https_port = free_port(), free_port()
        text = SITE.read_text()
        assert "    server {{UPSTREAM}};\n" in text
        site = fill(text.replace("    server {{UPSTREAM}};\n", f"    include {upstream};\n"),
                    HTTP_LISTEN=f"127.0.0.1:{http_port}", HTTPS_LISTEN=f"127.0.0.1:{https_port}",
                    CERT=cert, KEY=key, STATIC_ROOT=DEPLOY / "shop" / "static")
        with nginx(MAIN_CONF.format(d=tmp_path, site=site), tmp_path, https_port):
            stack = Stack(tmp_path, https_port, http_port, cert)
            master = int((tmp_path / "nginx.pid").read_text())
            assert stack.json("/version")["release"] == "a"

            assert wait_for(lambda: serving_ready(green), what="green's /readyz")  # the gate
            switch_upstream(upstream, green.removeprefix("http://"), master)
            assert wait_for(lambda: stack.json("/version")["release"] == "b", what="nginx to send b")
            assert serving(blue) == "a"  # the old instance still runs: the rollback's target

            switch_upstream(upstream, blue.removeprefix("http://"), master)  # the rollback
            assert wait_for(lambda: stack.json("/version")["release"] == "a", what="nginx to send a")
            assert int((tmp_path / "nginx.pid").read_text()) == master  # reloaded, never restarted


def serving_ready(url):
    with urllib.request.urlopen(url + "/readyz", timeout=10) as response:
        return json.loads(response.read())["ready"]
