import gc
import io
import os

import pytest
from flask import request
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from snippets.requests import filename_limits
from snippets.requests.uploads import create_app


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "uploads"
    path.mkdir()
    return path


@pytest.fixture
def client(folder):
    return create_app(upload_folder=str(folder)).test_client()


def multipart(client, fields):
    # Encoded in memory: the test client would spool a big body to an unclosed temp file.
    boundary, body = encode_multipart(fields)
    return client.post("/uploads", data=body, content_type=f"multipart/form-data; boundary={boundary}")


def upload(client, filename, content=b"hello"):
    return multipart(client, {"file": FileStorage(io.BytesIO(content), filename)})


def everything_under(root):
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))


def test_upload_is_saved_under_a_generated_name(client, folder):
    response = upload(client, "report.pdf", b"%PDF-1.7")
    body = response.get_json()
    assert response.status_code == 201
    assert body["original_name"] == "report.pdf"
    assert body["bytes"] == 8
    assert body["stored_as"].endswith(".pdf") and len(body["stored_as"]) == 36
    assert (folder / body["stored_as"]).read_bytes() == b"%PDF-1.7"
    with client.get(f"/uploads/{body['stored_as']}") as download:
        assert download.data == b"%PDF-1.7"


def test_non_ascii_names_collapse_but_the_upload_still_works(client, folder):
    body = upload(client, "文件.txt").get_json()
    assert body["original_name"] == "txt"  # what secure_filename leaves of the name
    assert (folder / body["stored_as"]).read_bytes() == b"hello"


def test_traversal_names_never_leave_the_folder(client, folder):
    outside_before = everything_under(folder.parent)
    assert upload(client, "../../etc/passwd").status_code == 400       # no extension
    body = upload(client, "../../../evil.txt").get_json()
    assert body["original_name"] == "evil.txt"
    new = set(everything_under(folder.parent)) - set(outside_before)
    assert new == {f"uploads/{body['stored_as']}"}


def test_bad_input_gets_a_clear_json_error(client, folder):
    missing = multipart(client, {"note": "no file here"})
    assert (missing.status_code, missing.get_json()["error"]) == (400, "missing_file")
    empty_name = upload(client, "")
    assert (empty_name.status_code, empty_name.get_json()["error"]) == (400, "missing_file")
    php = upload(client, "shell.php")
    assert php.status_code == 400
    assert php.get_json() == {"error": "extension_not_allowed",
                              "detail": "allowed: csv, jpg, pdf, png, txt"}
    assert list(folder.iterdir()) == []


def test_max_content_length_is_a_413(client, folder):
    response = upload(client, "big.txt", b"x" * (1024 * 1024 + 1))
    assert response.status_code == 413
    assert response.get_json() == {"error": "too_large", "detail": "the upload exceeds the size limits"}
    assert list(folder.iterdir()) == []


def test_max_form_memory_size_limits_one_multipart_text_field(client):
    response = multipart(client, {"note": "x" * 600_000})
    assert (response.status_code, response.get_json()["error"]) == (413, "too_large")
    # The limit is for multipart text fields; a url-encoded form is only
    # bounded by MAX_CONTENT_LENGTH, so this reaches the view (no file: 400).
    urlencoded = client.post("/uploads", data={"note": "x" * 600_000})
    assert urlencoded.get_json()["error"] == "missing_file"


def test_max_form_parts_limits_the_number_of_fields(client):
    def parts(count):  # count - 1 text fields plus the file
        fields = {f"field{i}": "x" for i in range(count - 1)}
        fields["file"] = FileStorage(io.BytesIO(b"hi"), "a.txt")
        return fields

    assert multipart(client, parts(1_000)).status_code == 201
    assert multipart(client, parts(1_001)).status_code == 413


def test_defaults_match_flask_3_1():
    app = create_app()
    from flask import Flask
    plain = Flask(__name__)
    assert plain.config["MAX_FORM_MEMORY_SIZE"] == app.config["MAX_FORM_MEMORY_SIZE"] == 500_000
    assert plain.config["MAX_FORM_PARTS"] == app.config["MAX_FORM_PARTS"] == 1_000
    assert plain.config["MAX_CONTENT_LENGTH"] is None
    folder = app.config["UPLOAD_FOLDER"]
    assert os.path.isdir(folder) and os.path.basename(folder).startswith("ffg-uploads-")
    assert upload(app.test_client(), "notes.txt").status_code == 201
    del app
    gc.collect()
    assert not os.path.exists(folder)  # the demo folder goes away with its app


def test_an_explicit_folder_is_kept(folder):
    app = create_app(upload_folder=str(folder))
    assert upload(app.test_client(), "notes.txt").status_code == 201
    del app
    gc.collect()
    assert len(list(folder.iterdir())) == 1


def test_download_route_refuses_paths_outside_the_folder(client, folder):
    (folder.parent / "secret.txt").write_text("keep out")
    assert client.get("/uploads/../secret.txt").status_code == 404
    assert client.get("/uploads/%2e%2e/secret.txt").status_code == 404


def test_secure_filename_table():
    assert filename_limits.table().splitlines() == [
        "'report.pdf' -> 'report.pdf'",
        "'../../etc/passwd' -> 'etc_passwd'",
        "'My résumé (final).pdf' -> 'My_resume_final.pdf'",
        "'文件.txt' -> 'txt'",
        "'отчёт.csv' -> 'csv'",
        "'..' -> ''",
        "'photo.JPG' -> 'photo.JPG'",
    ]


def test_limits_can_be_set_per_request():
    app = create_app()
    with app.test_request_context(method="POST", data={"note": "x" * 100}):
        request.max_content_length = 10
        with pytest.raises(RequestEntityTooLarge):
            request.form["note"]
    with app.test_request_context(method="POST", data={"note": "x" * 100}):
        assert request.form["note"] == "x" * 100


def test_the_parts_and_memory_limits_are_werkzeugs_own_defaults():
    # werkzeug/wrappers/request.py: max_form_parts = 1000 (added in 2.2.3) and
    # max_form_memory_size = 500_000 (3.1): a bare Werkzeug request, no Flask config, enforces both.
    from werkzeug.wrappers import Request

    def parse(fields):
        boundary, body = encode_multipart(fields)
        environ = {"REQUEST_METHOD": "POST", "wsgi.input": io.BytesIO(body),
                   "CONTENT_TYPE": f"multipart/form-data; boundary={boundary}",
                   "CONTENT_LENGTH": str(len(body))}
        return Request(environ).form

    assert (Request.max_form_parts, Request.max_form_memory_size) == (1_000, 500_000)
    assert len(parse({f"f{i}": "x" for i in range(1_000)})) == 1_000
    with pytest.raises(RequestEntityTooLarge):
        parse({f"f{i}": "x" for i in range(1_001)})
    with pytest.raises(RequestEntityTooLarge):
        parse({"essay": "x" * 500_001})
