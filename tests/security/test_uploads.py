import io

import pytest
import werkzeug.security
from werkzeug.datastructures import FileStorage
from werkzeug.security import safe_join
from werkzeug.test import encode_multipart

from snippets.security.upload_checks import create_app

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
POLYGLOT_GIF = b"GIF89a/*<script>alert(document.domain)</script>*/"


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "uploads"
    path.mkdir()
    (tmp_path / "secret.txt").write_text("next to the upload folder")
    return path


@pytest.fixture
def client(folder):
    return create_app(str(folder)).test_client()


def post(client, fields):
    boundary, body = encode_multipart(fields)  # in memory: no spooled temp file
    return client.post("/files", data=body, content_type=f"multipart/form-data; boundary={boundary}")


def upload(client, name, content):
    return post(client, {"file": FileStorage(io.BytesIO(content), name)})


def test_a_real_png_is_stored_under_our_name(client, folder):
    response = upload(client, "holiday.PNG", PNG)
    assert response.status_code == 201
    stored = response.json["id"]
    assert stored.endswith(".png") and len(stored) == 36
    assert [p.name for p in folder.iterdir()] == [stored]


@pytest.mark.parametrize("name, content", [
    ("cat.png", b"<html><script>alert(1)</script>"),  # HTML that claims to be a PNG
    ("shell.php", b"<?php system($_GET['c']); ?>"),    # not on the allow-list
    ("cat.png.php", PNG),                              # the last extension counts
    ("drawing.svg", b"<svg onload=alert(1)>"),         # SVG can carry script: not allowed
    ("noextension", PNG),
])
def test_wrong_type_or_wrong_content_is_refused(client, folder, name, content):
    response = upload(client, name, content)
    assert (response.status_code, response.json) == (415, {"error": "unsupported_file"})
    assert list(folder.iterdir()) == []


def test_missing_file_is_refused(client):
    assert post(client, {"note": "no file"}).status_code == 415


@pytest.mark.parametrize("name", ["../../secret.png", "/etc/cron.d/x.png", "..\\..\\x.png"])
def test_traversal_names_never_reach_the_file_system(client, folder, name):
    response = upload(client, name, PNG)
    assert response.status_code == 201
    assert [p.name for p in folder.iterdir()] == [response.json["id"]]


def test_a_polyglot_passes_the_magic_check_but_downloads_inert(client):
    stored = upload(client, "avatar.gif", POLYGLOT_GIF).json["id"]
    with client.get(f"/files/{stored}") as response:
        assert response.status_code == 200
        assert response.data == POLYGLOT_GIF
        assert response.headers["Content-Disposition"] == f"attachment; filename={stored}"
        assert response.headers["Content-Type"] == "image/gif"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Content-Security-Policy"] == "sandbox"


@pytest.mark.parametrize("path", ["../secret.txt", "..%2Fsecret.txt", "%2e%2e/secret.txt",
                                  "....//secret.txt", "sub/../../secret.txt"])
def test_download_traversal_is_404(client, path):
    assert client.get(f"/files/{path}").status_code == 404


@pytest.mark.parametrize("path", ["/etc/passwd", "//etc/passwd"])
def test_download_of_an_absolute_path_never_serves_it(client, path):
    response = client.get(f"/files/{path}", follow_redirects=True)
    assert response.status_code == 404
    assert b"root:" not in response.data


def test_body_over_max_content_length_is_413(client, folder):
    response = upload(client, "big.png", PNG + b"\x00" * (2 * 1024 * 1024))
    assert (response.status_code, response.json) == (413, {"error": "too_large"})
    assert list(folder.iterdir()) == []


def test_text_field_over_max_form_memory_size_is_413(client):
    response = post(client, {"note": "x" * (64 * 1024 + 1),
                             "file": FileStorage(io.BytesIO(PNG), "a.png")})
    assert (response.status_code, response.json) == (413, {"error": "too_large"})


def test_flask_limits_form_parsing_by_default_but_not_the_body():
    from flask import Flask, request

    app = Flask(__name__)
    assert app.config["MAX_CONTENT_LENGTH"] is None  # no limit on the whole body until you set one
    assert (app.config["MAX_FORM_MEMORY_SIZE"], app.config["MAX_FORM_PARTS"]) == (500_000, 1_000)
    app.post("/files")(lambda: {"size": len(request.files["file"].read())})
    client = app.test_client()
    big = upload(client, "big.bin", b"\x00" * 3_000_000)
    assert big.json == {"size": 3_000_000}  # a 3 MB file goes through on the defaults
    field = post(client, {"note": "x" * 500_001, "file": FileStorage(io.BytesIO(b"x"), "a.bin")})
    assert field.status_code == 413  # a text field over 500 kB does not


@pytest.mark.parametrize("name, fixed_in", [
    ("CON", "3.1.4"), ("nul.txt ", "3.1.5"), ("sub/NUL", "3.1.6"), ("NUL:", "3.1.9"),
])
def test_safe_join_refuses_windows_device_names(monkeypatch, name, fixed_in):
    # The check runs only where os.name is "nt"; pretend for the length of one call.
    assert safe_join("/srv/uploads", name) is not None  # an ordinary name on this system
    monkeypatch.setattr(werkzeug.security.os, "name", "nt")
    assert safe_join("/srv/uploads", name) is None, f"fixed in Werkzeug {fixed_in}"
