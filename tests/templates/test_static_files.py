import hashlib
import re
from pathlib import Path

from flask import Flask, request, url_for

from snippets.templates.static_files.app import app, plain

CSS = Path(app.static_folder, "app.css")
VERSION = hashlib.sha256(CSS.read_bytes()).hexdigest()[:10]


def test_default_static_route_and_headers():
    assert plain.config["SEND_FILE_MAX_AGE_DEFAULT"] is None  # not 12 hours since Flask 2.0
    assert plain.static_url_path == "/static"
    assert [r.rule for r in plain.url_map.iter_rules("static")] == ["/static/<path:filename>"]
    assert "static" not in Flask(__name__, static_folder=None).view_functions
    with plain.test_request_context():
        assert url_for("static", filename="app.css") == "/static/app.css"
    with plain.test_client().get("/static/app.css") as response:
        assert response.status_code == 200
        assert response.content_type == "text/css; charset=utf-8"
        assert response.headers["Cache-Control"] == "no-cache"
        assert "ETag" in response.headers and "Last-Modified" in response.headers


def test_conditional_request_gets_304():
    client = plain.test_client()
    with client.get("/static/app.css") as first:
        etag = first.headers["ETag"]
    with client.get("/static/app.css", headers={"If-None-Match": etag}) as second:
        assert second.status_code == 304


def test_url_for_static_carries_a_content_hash():
    text = app.test_client().get("/").text
    assert f'href="/static/app.css?v={VERSION}"' in text
    assert 'href="/static/missing.ico"' in text  # url_for does not check that a file exists


def test_versioned_url_is_cached_for_a_year():
    with app.test_client().get(f"/static/app.css?v={VERSION}") as response:
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == "public, max-age=31536000"
        assert "Expires" in response.headers


def test_missing_file_and_traversal_are_404():
    client = app.test_client()
    assert client.get("/static/missing.ico").status_code == 404
    assert client.get("/static/..%2Fapp.py").status_code == 404
    with app.test_request_context("/static/..%2Fapp.py"):
        assert request.view_args == {"filename": "../app.py"}  # the route matched; the view said 404


def test_hash_changes_when_content_changes(tmp_path, monkeypatch):
    (tmp_path / "app.css").write_text("h1 { color: red; }")
    monkeypatch.setattr(app, "static_folder", str(tmp_path))
    with app.test_request_context():
        url = url_for("static", filename="app.css")
    new = hashlib.sha256(b"h1 { color: red; }").hexdigest()[:10]
    assert re.fullmatch(rf"/static/app\.css\?v={new}", url) and new != VERSION


def test_the_page_requests_the_current_version(site):
    page = (site / "templates/flashing-and-static/index.html").read_text()
    assert set(re.findall(r"/static/app\.css\?v=(\w+)", page)) == {VERSION}
