import pytest
from flask import Flask, g

from snippets.requests import downloads, streaming


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
