"""The timeout chain: the diagram agrees with the files, each limit sits inside the next, and a
request nginx gave up on (504) keeps running in Gunicorn."""

import inspect
import re
import runpy
import time
import xml.etree.ElementTree as ET

import yaml
from sqlalchemy.pool import QueuePool

from tests.deployment.stack import APP, CONFIG, DEPLOY, MAIN_CONF, SITE, Stack, certificate, environment, fill
from tests.servers import free_port, gunicorn, nginx, wait_for

SVG = DEPLOY / "timeout_chain.svg"
NS = "{http://www.w3.org/2000/svg}"


def labels():
    return [t.text for t in ET.parse(SVG).getroot().iter(f"{NS}text")]


def nginx_setting(name):
    return re.search(rf"^\s*{name}\s+(\w+);", SITE.read_text(), re.MULTILINE).group(1)


def files():
    """Every number the diagram draws, read from the file that sets it."""
    gunicorn_conf = runpy.run_path(str(CONFIG))
    unit = (DEPLOY / "shop.service").read_text()
    pod = yaml.safe_load((DEPLOY / "k8s-deployment.yaml").read_text())["spec"]["template"]["spec"]
    return {
        "proxy_connect_timeout": nginx_setting("proxy_connect_timeout"),
        "proxy_read_timeout": nginx_setting("proxy_read_timeout"),
        "keepalive_timeout": nginx_setting("keepalive_timeout"),
        "timeout": gunicorn_conf["timeout"],
        "keepalive": gunicorn_conf["keepalive"],
        "graceful_timeout": gunicorn_conf["graceful_timeout"],
        "pool_timeout": int(inspect.signature(QueuePool.__init__).parameters["timeout"].default),
        "TimeoutStopSec": int(re.search(r"^TimeoutStopSec=(\d+)", unit, re.MULTILINE).group(1)),
        "--stop-timeout": int(re.search(r"--stop-timeout (\d+)", (DEPLOY / "Dockerfile").read_text()).group(1)),
        "terminationGracePeriodSeconds": pod["terminationGracePeriodSeconds"],
        "preStop": int(pod["containers"][0]["lifecycle"]["preStop"]["exec"]["command"][1]),
    }


def test_the_diagram_draws_the_numbers_the_files_set():
    root = ET.parse(SVG).getroot()
    assert root.tag == f"{NS}svg"
    text = SVG.read_text(encoding="utf-8")
    for external in ("href", "<image", "<script", "@import", "url(", "https://"):
        assert external not in text, external
    assert "currentColor" in text and not re.search(r'(fill|stroke)="#', text)
    shown, value = labels(), files()
    for name in ("proxy_connect_timeout", "proxy_read_timeout", "keepalive_timeout", "timeout", "keepalive",
                 "graceful_timeout", "pool_timeout"):
        assert f"{name} {value[name]}" in shown, name
    assert f"TimeoutStopSec={value['TimeoutStopSec']}" in shown
    assert f"--stop-timeout {value['--stop-timeout']}" in shown
    assert f"terminationGracePeriodSeconds: {value['terminationGracePeriodSeconds']}" in shown
    assert f"preStop sleep {value['preStop']} + {value['graceful_timeout']} + margin" in shown


def seconds(value):
    return int(str(value).removesuffix("s"))


def test_each_limit_sits_inside_the_next():
    value = files()
    assert seconds(value["keepalive_timeout"]) < value["keepalive"]  # nginx gives up an idle connection first
    assert value["graceful_timeout"] < value["TimeoutStopSec"]  # systemd lets the drain finish
    assert value["graceful_timeout"] < value["--stop-timeout"]  # so does Docker, told to
    assert value["preStop"] + value["graceful_timeout"] < value["terminationGracePeriodSeconds"]
    assert value["pool_timeout"] < seconds(value["proxy_read_timeout"])  # the app's error reaches the client


def test_after_nginx_answers_504_the_request_keeps_running_in_gunicorn(tmp_path):
    cert, key = certificate(tmp_path)
    text = SITE.read_text()
    assert "proxy_read_timeout    60s;" in text
    log = tmp_path / "gunicorn.log"
    with gunicorn(APP, tmp_path, config=CONFIG, env=environment()) as upstream:
        http_port, https_port = free_port(), free_port()
        site = fill(text.replace("proxy_read_timeout    60s;", "proxy_read_timeout    1s;"),
                    UPSTREAM=upstream.removeprefix("http://"), HTTP_LISTEN=f"127.0.0.1:{http_port}",
                    HTTPS_LISTEN=f"127.0.0.1:{https_port}", CERT=cert, KEY=key,
                    STATIC_ROOT=DEPLOY / "shop" / "static")
        with nginx(MAIN_CONF.format(d=tmp_path, site=site), tmp_path, https_port):
            started = time.monotonic()
            status, _, body = Stack(tmp_path, https_port, http_port, cert).request("GET", "/slow?seconds=2.5")
            answered = time.monotonic() - started
            assert "slow request started" in log.read_text()  # the view was running when nginx gave up
            assert '"GET /slow?seconds=2.5' not in log.read_text()  # ... and had not finished
            wait_for(lambda: '"GET /slow?seconds=2.5 HTTP/1.1" 200' in log.read_text(), what="the view to finish")
            finished = time.monotonic() - started
            errors = (tmp_path / "error.log").read_text()
    assert status == 504 and b"504 Gateway Time-out" in body
    assert 1 <= answered < 2.5 <= finished  # the client had its 504 long before the worker was done
    assert "upstream timed out" in errors
