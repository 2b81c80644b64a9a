import contextlib
import http.client

import pytest
from flask import Flask, g

from snippets.requests import downloads, streaming
from tests.servers import LOOPBACK, free_port, gunicorn, python_process


@pytest.fixture
def client():
    return streaming.app.test_client()


def test_generator_is_streamed_without_content_length(client):
    response = client.get("/export.csv")
    assert response.is_streamed
    assert response.content_type == "text/csv"
    assert "Content-Length" not in response.headers
    assert response.text == "id,name,stock\n1,pen,120\n2,notebook,45\n3,stapler,7\n"


def test_request_in_a_plain_generator_fails_after_the_status_was_sent(client):
    response = client.get("/greeting/broken?name=ada")
    assert response.status_code == 200  # headers are out before the body runs
    with pytest.raises(RuntimeError, match="Working outside of request context"):
        response.get_data()


def test_g_in_a_plain_generator_fails_with_the_app_context_error():
    app = Flask(__name__)

    @app.get("/")
    def view():
        def generate():
            yield "x"
            yield g.get("user", "nobody")
        return generate()

    response = app.test_client().get("/")
    assert response.status_code == 200
    with pytest.raises(RuntimeError, match="Working outside of application context"):
        response.get_data()


def test_broken_demo_output():
    assert streaming.broken_demo().splitlines() == [
        "status line already sent: 200 OK",
        "then, while streaming: RuntimeError: Working outside of request context.",
    ]


def test_stream_with_context_or_reading_early_works(client):
    assert client.get("/greeting?name=ada").text == "Hello, ada"
    assert client.get("/greeting/early?name=ada").text == "Hello, ada"
    assert client.get("/greeting").text == "Hello, stranger"


def test_server_sent_events(client):
    response = client.get("/deploys/42/events")
    assert response.mimetype == "text/event-stream"
    assert response.headers["Cache-Control"] == "no-cache"
    assert response.headers["X-Accel-Buffering"] == "no"
    events = response.text.split("\n\n")
    assert events[0] == 'id: 1\nevent: progress\ndata: {"step": "build started"}'
    assert events[2] == 'id: 3\nevent: progress\ndata: {"step": "deployed"}'
    assert events[3] == ""


@pytest.fixture
def files():
    return downloads.app.test_client()


def test_send_from_directory_sets_validators_and_ranges(files):
    with files.get("/files/price-list.txt") as response:
        assert response.status_code == 200
        assert response.data == (downloads.FILES / "price-list.txt").read_bytes()
        assert response.headers["ETag"].startswith('"')
        assert "Last-Modified" in response.headers
        assert response.headers["Accept-Ranges"] == "bytes"
        assert response.headers["Cache-Control"] == "public, max-age=3600"
        assert response.headers["Content-Disposition"] == "inline; filename=price-list.txt"


def test_if_none_match_gives_304_with_no_body(files):
    with files.get("/files/price-list.txt") as first:
        etag = first.headers["ETag"]
    with files.get("/files/price-list.txt", headers={"If-None-Match": etag}) as again:
        assert (again.status_code, again.data) == (304, b"")
        assert again.headers["ETag"] == etag
    with files.get("/files/price-list.txt", headers={"If-None-Match": '"stale"'}) as changed:
        assert changed.status_code == 200


def test_range_gives_206(files):
    size = (downloads.FILES / "price-list.txt").stat().st_size
    with files.get("/files/price-list.txt", headers={"Range": "bytes=0-25"}) as part:
        assert part.status_code == 206
        assert part.headers["Content-Range"] == f"bytes 0-25/{size}"
        assert part.data == b"Price list, autumn edition"


def test_attachment_and_traversal(files):
    with files.get("/attachment/price-list.txt") as response:
        assert response.headers["Content-Disposition"] == "attachment; filename=price-list.txt"
    assert files.get("/files/../downloads.py").status_code == 404
    assert files.get("/files/%2e%2e/downloads.py").status_code == 404


def test_send_file_from_memory_has_no_etag(files):
    with files.get("/generated.txt") as response:
        assert response.data == b"built in memory\n"
        assert "ETag" not in response.headers
        assert response.headers["Content-Disposition"] == "inline; filename=generated.txt"


def test_conditional_demo_output():
    lines = downloads.conditional_demo().splitlines()
    assert lines[0].startswith("GET                      -> 200 OK")
    assert lines[1] == "GET + If-None-Match ETag -> 304 NOT MODIFIED, 0 bytes"
    assert lines[2].startswith("GET + Range: bytes=0-25  -> 206 PARTIAL CONTENT")


def test_teardown_runs_when_the_view_returns_and_again_after_the_stream():
    assert streaming.teardown_demo().splitlines() == [
        "teardown_request ran",
        "client got the status line: 200 OK",
        "teardown_request ran",
        "client read the body: 'Hello, ada'",
    ]


def test_default_etag_is_mtime_size_and_path_checksum(files):
    stat = (downloads.FILES / "price-list.txt").stat()
    with files.get("/files/price-list.txt") as response:
        mtime, size, checksum = response.headers["ETag"].strip('"').split("-")
    assert (float(mtime), int(size)) == (stat.st_mtime, stat.st_size)
    assert checksum.isdigit()


def test_x_sendfile_leaves_the_body_to_the_front_end_server(monkeypatch, files):
    monkeypatch.setitem(downloads.app.config, "USE_X_SENDFILE", True)
    with files.get("/files/price-list.txt") as response:
        assert response.headers["X-Sendfile"] == str(downloads.FILES / "price-list.txt")
        assert response.data == b""


def test_flaky_export_demo_output():
    assert streaming.flaky_export_demo().splitlines() == [
        "good_rows=0",
        "  start_response('200 OK')",
        "  OperationalError: database is locked",
        "good_rows=2",
        "  start_response('200 OK')",
        "  chunk b'1,pen,120\\n'",
        "  chunk b'2,notebook,45\\n'",
        "  OperationalError: database is locked",
    ]


@contextlib.contextmanager
def gunicorn_server(tmp_path):
    with gunicorn("snippets.requests.streaming:app", tmp_path) as url:
        yield url


@contextlib.contextmanager
def development_server(tmp_path):
    port = free_port()
    args = ["-m", "flask", "--app", "snippets.requests.streaming", "run", "--port", str(port)]
    with python_process(args, tmp_path, "devserver", port=port, env={"FLASK_DEBUG": "0"}):
        yield f"http://{LOOPBACK}:{port}"


def fetch(url, path):
    """Status, Content-Type, the body as far as it arrived, and whether it arrived whole."""
    connection = http.client.HTTPConnection(url.removeprefix("http://"), timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        try:
            body, whole = response.read(), True
        except http.client.IncompleteRead as error:  # the server cut the chunked body short
            body, whole = error.partial, False
        return response.status, response.getheader("Content-Type"), body, whole
    finally:
        connection.close()


@pytest.mark.parametrize("server", [gunicorn_server, development_server])
def test_a_stream_that_fails_before_its_first_chunk_is_the_servers_own_500(server, tmp_path):
    # PEP 3333: headers wait for the first non-empty chunk, so the server can still send a 500.
    with server(tmp_path) as url:
        status, content_type, body, whole = fetch(url, "/export/flaky.csv?good_rows=0")
    assert status == 500
    assert content_type.startswith("text/html")  # the server's page, not the app's JSON 500
    assert b"Internal Server Error" in body and b"internal server error" not in body
    assert whole


@pytest.mark.parametrize("server", [gunicorn_server, development_server])
def test_a_stream_that_fails_after_its_first_chunk_is_a_truncated_200(server, tmp_path):
    with server(tmp_path) as url:
        status, content_type, body, whole = fetch(url, "/export/flaky.csv?good_rows=2")
    assert (status, content_type) == (200, "text/csv")
    assert body == b"1,pen,120\n2,notebook,45\n"
    assert not whole  # the connection closed without the chunked body's end marker


def test_the_json_500_handler_works_for_errors_flask_sees():
    # The handler is live: an exception Flask itself handles gets the JSON page. The streamed
    # failures above never reach it.
    with streaming.app.test_request_context("/export/flaky.csv"):
        response = streaming.app.handle_exception(RuntimeError("raised inside the view"))
    assert (response.status_code, response.get_json()) == (500, {"error": "internal server error"})
