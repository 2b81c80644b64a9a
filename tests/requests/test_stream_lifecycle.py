import contextlib
import gzip
import http.client
import json
import socket
import time

import pytest

from snippets.requests import stream_lifecycle
from tests.servers import LOOPBACK, free_port, gunicorn, python_process

APP = "snippets.requests.stream_lifecycle"


@pytest.fixture
def client():
    stream_lifecycle.events.clear()
    return stream_lifecycle.app.test_client()


def test_priming_the_first_chunk_lets_the_apps_500_handler_answer(client):
    response = client.get("/export/primed.csv?good_rows=0")
    assert response.status_code == 500
    assert response.get_json() == {"error": "internal server error"}


def test_a_primed_stream_that_fails_later_is_still_a_truncated_200(client):
    response = client.get("/export/primed.csv?good_rows=2")
    assert response.status_code == 200
    chunks = []
    with pytest.raises(Exception, match="database is locked"):
        for chunk in response.response:
            chunks.append(chunk)
    assert b"".join(chunks) == b"1,pen,120\n2,notebook,45\n"


def test_ticker_demo_shows_close_finally_and_call_on_close():
    assert stream_lifecycle.ticker_demo().splitlines() == [
        "GET 3 chunk(s) sent (the client reads everything): "
        "ticks: all 3 sent, ticks: finally, call_on_close",
        "GET 1 chunk(s) sent (the client leaves after one chunk): "
        "ticks: GeneratorExit after 1, ticks: finally, call_on_close",
        "HEAD 0 chunk(s) sent (no body is sent at all): call_on_close",
    ]


def test_head_never_starts_the_generator_but_call_on_close_runs(client):
    response = client.head("/ticker?limit=3")
    assert (response.status_code, response.data) == (200, b"")
    response.close()
    assert stream_lifecycle.events == ["call_on_close"]


def test_call_on_close_waits_for_the_body_to_be_closed(client):
    with client.get("/ticker?limit=2") as response:
        assert response.text == "tick 1\ntick 2\n"
        assert stream_lifecycle.events == ["ticks: all 2 sent", "ticks: finally"]
    assert stream_lifecycle.events[-1] == "call_on_close"  # the test client closes on leaving `with`


def test_a_known_length_is_sent_as_content_length(client):
    response = client.get("/export/sized.csv")
    assert response.is_streamed
    assert response.headers["Content-Length"] == str(len(response.data)) == "25"


def test_a_gzip_hook_that_reads_the_body_buffers_the_stream():
    naive, guarded = stream_lifecycle.compress_demo().splitlines()
    assert naive.startswith("gzip_everything: line 1 produced, line 2 produced, line 3 produced, "
                            "client has the status line (Content-Length: ")
    assert guarded == ("gzip_unless_streamed: line 1 produced, client has the status line "
                       "(Content-Length: None), line 2 produced, line 3 produced")


def test_the_naive_hook_sends_a_valid_gzip_body():
    app = stream_lifecycle.Flask(__name__)
    app.add_url_rule("/", "index", lambda: "plain text, not streamed")
    app.after_request(stream_lifecycle.gzip_unless_streamed)
    response = app.test_client().get("/")
    assert response.headers["Content-Encoding"] == "gzip"
    assert response.headers["Vary"] == "Accept-Encoding"
    assert gzip.decompress(response.data) == b"plain text, not streamed"


# Real servers: a client that leaves mid-stream, and what goes over the wire.

@contextlib.contextmanager
def gunicorn_server(tmp_path):
    with gunicorn(f"{APP}:app", tmp_path) as url:
        yield url


@contextlib.contextmanager
def development_server(tmp_path):
    port = free_port()
    args = ["-m", "flask", "--app", APP, "run", "--port", str(port)]
    with python_process(args, tmp_path, "devserver", port=port, env={"FLASK_DEBUG": "0"}):
        yield f"http://{LOOPBACK}:{port}"


def events_of(url, until, seconds=10):
    """The server's event list, once it contains `until` (or the deadline passed)."""
    deadline = time.monotonic() + seconds
    while True:
        connection = http.client.HTTPConnection(url.removeprefix("http://"), timeout=5)
        try:
            connection.request("GET", "/events")
            found = json.loads(connection.getresponse().read())
        finally:
            connection.close()
        if until in found or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


@pytest.mark.parametrize("server", [gunicorn_server, development_server])
def test_a_client_that_leaves_closes_the_generator_on_a_real_server(server, tmp_path):
    with server(tmp_path) as url:
        host, port = url.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=5) as sock:
            sock.sendall(b"GET /ticker?limit=200 HTTP/1.1\r\nHost: localhost\r\n\r\n")
            received = b""
            while b"tick 1\n" not in received:
                received += sock.recv(4096)
        # The socket is closed: the server finds out at its next failed write.
        found = events_of(url, until="call_on_close")
    assert b"Transfer-Encoding: chunked" in received
    assert found[-2:] == ["ticks: finally", "call_on_close"]
    assert found[0].startswith("ticks: GeneratorExit after ")
    assert int(found[0].rsplit(" ", 1)[1]) < 200  # stopped long before the last tick


def raw_get(url, path, version="HTTP/1.1"):
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        sock.sendall(f"GET {path} {version}\r\nHost: localhost\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return head.decode().lower(), body


def test_gunicorn_frames_a_stream_by_chunks_or_by_content_length(tmp_path):
    with gunicorn_server(tmp_path) as url:
        unsized_head, unsized_body = raw_get(url, "/ticker?limit=2")
        old_head, old_body = raw_get(url, "/ticker?limit=2", version="HTTP/1.0")
        sized_head, sized_body = raw_get(url, "/export/sized.csv")
    assert "transfer-encoding: chunked" in unsized_head and "content-length" not in unsized_head
    assert unsized_body == b"7\r\ntick 1\n\r\n7\r\ntick 2\n\r\n0\r\n\r\n"
    # HTTP/1.0 has no chunked encoding: the end of the body is the end of the connection.
    assert "transfer-encoding" not in old_head and old_body == b"tick 1\ntick 2\n"
    assert "content-length: 25" in sized_head and "transfer-encoding" not in sized_head
    assert sized_body == b"id,name\n1,pen\n2,notebook\n"
