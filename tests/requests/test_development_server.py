import http.client
import json
import ssl
import sys
from concurrent.futures import ThreadPoolExecutor

from click.testing import CliRunner
from flask.cli import cli

from snippets.requests import development_server
from tests.deployment.stack import certificate
from tests.servers import LOOPBACK, free_port, python_process

APP = "snippets.requests.development_server"


def get(port, path, context=None):
    if context is None:
        connection = http.client.HTTPConnection(LOOPBACK, port, timeout=10)
    else:
        connection = http.client.HTTPSConnection(LOOPBACK, port, timeout=10, context=context)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, json.loads(response.read())
    finally:
        connection.close()


def flask_run(tmp_path, *options):
    port = free_port()
    args = ["-m", "flask", "--app", APP, "run", "--port", str(port), *options]
    return port, python_process(args, tmp_path, "devserver", port=port, env={"FLASK_DEBUG": "0"})


def two_at_once(port):
    with ThreadPoolExecutor(2) as pool:
        return [body for _, body in pool.map(lambda _: get(port, "/together"), range(2))]


def test_flask_run_is_threaded_by_default(tmp_path):
    port, server = flask_run(tmp_path)
    with server:
        bodies = two_at_once(port)
        first, second = get(port, "/hits"), get(port, "/hits")
    assert [body["together"] for body in bodies] == [True, True]
    assert len({body["thread"] for body in bodies}) == 2
    assert (first[1]["hits"], second[1]["hits"]) == (1, 2)  # one process, shared memory


def test_without_threads_requests_wait_in_line(tmp_path):
    port, server = flask_run(tmp_path, "--without-threads")
    with server:
        bodies = two_at_once(port)
    assert [body["together"] for body in bodies] == [False, False]


def test_processes_fork_a_child_per_request_and_share_nothing(tmp_path):
    port = free_port()
    code = f"from {APP} import run_forking; run_forking({port})"
    with python_process(["-c", code], tmp_path, "forking", port=port):
        first, second = get(port, "/hits")[1], get(port, "/hits")[1]
    assert (first["hits"], second["hits"]) == (1, 1)  # each child starts from the parent's 0
    assert first["pid"] != second["pid"]


def test_app_run_with_processes_alone_is_a_value_error():
    assert development_server.processes_alone() == (
        "app.run(processes=2) -> ValueError: Cannot have a multi-thread and multi-process server.")


def test_flask_run_has_no_processes_option():
    options = development_server.run_options().splitlines()
    assert "--with-threads / --without-threads" in options and "--cert" in options
    assert not any("process" in option for option in options)


def test_cert_adhoc_needs_the_cryptography_package():
    # cryptography is not in requirements.txt, so the guide shows the error a fresh venv gives.
    assert "cryptography" not in sys.modules
    result = CliRunner().invoke(cli, ["--app", APP, "run", "--cert", "adhoc"])
    assert result.exit_code == 2
    assert "Using ad-hoc certificates requires the cryptography library." in result.output


def test_cert_and_key_files_serve_https(tmp_path):
    cert, key = certificate(tmp_path)
    port, server = flask_run(tmp_path, "--cert", str(cert), "--key", str(key))
    context = ssl.create_default_context(cafile=str(cert))
    with server:
        status, body = get(port, "/hits", context=context)
    assert status == 200 and body["hits"] == 1


def test_the_barrier_view_in_process():
    # The server processes above are stopped with SIGTERM, which leaves no coverage data
    # for the view; the same two outcomes, driven through the test client:
    client = development_server.app.test_client()
    assert client.get("/together").get_json()["together"] is False  # alone for 1 s
    with ThreadPoolExecutor(2) as pool:
        bodies = list(pool.map(lambda _: client.get("/together").get_json(), range(2)))
    assert [body["together"] for body in bodies] == [True, True]
