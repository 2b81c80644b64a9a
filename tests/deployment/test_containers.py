"""The image and the pod: every package pinned, a stop budget that covers graceful_timeout, the
worker count set for the CPU limit, and what a supervisor's SIGKILL does to a request in flight."""

import http.client
import os
import re
import runpy
import shlex
import signal
import threading
from importlib.metadata import distribution

import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from snippets.deployment.demo import app
from tests.deployment.stack import APP, CONFIG, DEPLOY, environment
from tests.servers import gunicorn, wait_for

DOCKERFILE = (DEPLOY / "Dockerfile").read_text()
REQUIREMENTS = DEPLOY / "requirements.txt"
POD = yaml.safe_load((DEPLOY / "k8s-deployment.yaml").read_text())["spec"]["template"]["spec"]


def closure(*roots):
    """name -> version of the installed packages `roots` need, following their requirements
    (with extras) and evaluating markers for this interpreter, the image's Python."""
    found, todo = {}, [Requirement(root) for root in roots]
    while todo:
        req = todo.pop()
        dist = distribution(req.name)
        name = canonicalize_name(dist.metadata["Name"])
        extras = found.get(name, (None, frozenset()))[1] | req.extras
        if name in found and extras == found[name][1]:
            continue
        found[name] = (dist.version, frozenset(extras))
        for line in dist.requires or []:
            dep = Requirement(line)
            if dep.marker is None or any(dep.marker.evaluate({"extra": e}) for e in extras or {""}):
                todo.append(dep)
    return {name: version for name, (version, _) in found.items()}


def pinned():
    """name -> (version, number of hashes) from requirements.txt."""
    text = REQUIREMENTS.read_text().replace("\\\n", " ")
    pins = {}
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            spec, *hashes = line.split("--hash=")
            req = Requirement(spec.strip())
            assert len(req.specifier) == 1 and next(iter(req.specifier)).operator == "==", line
            pins[canonicalize_name(req.name)] = (next(iter(req.specifier)).version, len(hashes))
    return pins


def test_the_image_installs_exactly_the_set_the_tests_ran_with():
    assert "COPY requirements.txt ./" in DOCKERFILE
    assert "RUN pip install --no-cache-dir --require-hashes -r requirements.txt" in DOCKERFILE
    assert "pip install" not in DOCKERFILE.replace("pip install --no-cache-dir --require-hashes -r", "")
    pins = pinned()
    assert {name: version for name, (version, _) in pins.items()} == closure("flask[async]", "gunicorn")
    assert all(hashes >= 1 for _, hashes in pins.values())  # --require-hashes fails on a line without
    assert re.search(r"^flask\[async\]==", REQUIREMENTS.read_text(), re.MULTILINE)  # the extra is asked for


def container():
    (only,) = POD["containers"]
    return only


def test_the_pods_grace_period_covers_the_prestop_pause_and_graceful_timeout():
    settings = runpy.run_path(str(CONFIG))
    pause = container()["lifecycle"]["preStop"]["exec"]["command"]
    assert pause[0] == "sleep"
    budget = POD["terminationGracePeriodSeconds"]
    assert int(pause[1]) + settings["graceful_timeout"] < budget  # 5 + 30 < 45
    assert budget > 30  # Kubernetes' default, which the preStop pause alone would eat into


def test_the_pod_sets_the_worker_count_for_its_cpu_limit_and_probes_real_routes():
    c = container()
    env = {item["name"]: item.get("value") for item in c["env"]}
    cpus = int(c["resources"]["limits"]["cpu"])
    assert int(env["WEB_CONCURRENCY"]) == 2 * cpus + 1
    routes = {rule.rule for rule in app.url_map.iter_rules()}
    assert {c["readinessProbe"]["httpGet"]["path"], c["livenessProbe"]["httpGet"]["path"]} == {"/readyz", "/healthz"}
    assert {"/readyz", "/healthz"} <= routes
    expose = int(re.search(r"^EXPOSE (\d+)", DOCKERFILE, re.MULTILINE).group(1))
    assert c["ports"] == [{"containerPort": expose}]


def test_a_stop_deadline_shorter_than_the_request_cuts_it_off(tmp_path):
    """What `docker stop -t 1` does to a 3-second request: TERM (Gunicorn starts its graceful stop),
    then SIGKILL for every process when the deadline passes, whatever graceful_timeout says."""
    log = tmp_path / "gunicorn.log"
    with gunicorn(APP, tmp_path, config=CONFIG, env=environment()) as url:
        master = int(wait_for(lambda: re.search(r"Listening at: \S+ \((\d+)\)", log.read_text()),
                              what="master pid").group(1))
        outcome = {}

        def call():
            conn = http.client.HTTPConnection("127.0.0.1", int(url.rsplit(":", 1)[1]), timeout=10)
            try:
                conn.request("GET", "/slow?seconds=3")
                outcome["status"] = conn.getresponse().status
            except (http.client.RemoteDisconnected, ConnectionResetError) as error:
                outcome["error"] = type(error).__name__
            finally:
                conn.close()

        thread = threading.Thread(target=call)
        thread.start()
        wait_for(lambda: "slow request started" in log.read_text(), what="the slow request")
        os.kill(master, signal.SIGTERM)  # docker stop: the stop signal ...
        thread.join(1)  # ... a 1 s deadline ...
        assert thread.is_alive()  # (the request is still running, within graceful_timeout)
        os.killpg(master, signal.SIGKILL)  # ... then SIGKILL for the whole container
        thread.join(10)
    assert "status" not in outcome and outcome["error"] in {"RemoteDisconnected", "ConnectionResetError"}


def control_socket_lines(log):
    return [line for line in log.read_text().splitlines() if "ontrol s" in line]


def test_the_images_user_has_no_home_for_the_control_socket_so_the_image_turns_it_off(tmp_path):
    """The Dockerfile's `useradd --no-create-home` user: ~/.gunicorn cannot be created. Gunicorn logs
    an error and serves anyway; GUNICORN_CMD_ARGS from the Dockerfile turns the socket off."""
    (tmp_path / "not-a-dir").write_text("")
    no_home = {**environment(), "HOME": str(tmp_path / "not-a-dir" / "shop"), "XDG_RUNTIME_DIR": ""}
    image_args = re.search(r'GUNICORN_CMD_ARGS="([^"]+)"', DOCKERFILE).group(1)
    assert shlex.split(image_args) == ["--no-control-socket"]
    for name, extra in (("default", {}), ("image", {"GUNICORN_CMD_ARGS": image_args})):
        (tmp_path / name).mkdir()
        with gunicorn(APP, tmp_path / name, config=CONFIG, env={**no_home, **extra}) as url:
            log = tmp_path / name / "gunicorn.log"
            wait_for(lambda log=log: "shop ready" in log.read_text(), what="a worker")
            conn = http.client.HTTPConnection("127.0.0.1", int(url.rsplit(":", 1)[1]), timeout=10)
            conn.request("GET", "/healthz")
            assert conn.getresponse().status == 200
            conn.close()
            if name == "default":
                wait_for(lambda log=log: control_socket_lines(log), what="the control socket's error")
        lines = control_socket_lines(log)
        if name == "default":
            assert any("ERROR" in line for line in lines), lines
        else:
            assert lines == []
