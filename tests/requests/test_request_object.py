import pytest
from flask import request
from werkzeug.exceptions import BadRequestKeyError

from snippets.requests.json_body import app as json_app
from snippets.requests.request_object import app


def test_echo_shows_every_part_of_the_url():
    response = app.test_client().get("/echo/a/b?x=1&x=2", headers={"User-Agent": "curl/8"})
    body = response.get_json()
    assert response.status_code == 200
    assert body["method"] == "GET"
    assert body["path"] == "/echo/a/b"
    assert body["full_path"] == "/echo/a/b?x=1&x=2"
    assert body["base_url"] == "http://localhost/echo/a/b"
    assert body["url"] == "http://localhost/echo/a/b?x=1&x=2"
    assert body["args"] == {"x": ["1", "2"]}
    assert body["user_agent"] == "curl/8"
    assert body["remote_addr"] == "127.0.0.1"


def test_values_merges_args_and_form_but_not_for_get():
    client = app.test_client()
    post = client.post("/echo/x?source=query", data={"name": "ada"}).get_json()
    assert post["form"] == {"name": ["ada"]}
    assert post["values"] == {"source": ["query"], "name": ["ada"]}
    assert post["content_type"] == "application/x-www-form-urlencoded"
    get = client.get("/echo/x?source=query", data={"name": "ada"}).get_json()
    assert get["values"] == {"source": ["query"]}  # since Werkzeug 2.0, GET: args only


def test_cookies_come_from_the_request():
    client = app.test_client()
    client.set_cookie("theme", "dark")
    assert client.get("/echo/x").get_json()["cookies"] == {"theme": "dark"}


def test_args_get_with_type_and_getlist():
    client = app.test_client()
    assert client.get("/books?page=3&tag=a&tag=b").get_json() == {"page": 3, "tags": ["a", "b"]}
    assert client.get("/books?page=abc").get_json() == {"page": 1, "tags": []}
    with app.test_request_context("/?page=2"):
        assert request.args.get("page", 1, type=lambda v: None + v) == 1  # TypeError: default too


def test_missing_key_with_brackets_is_a_400():
    client = app.test_client()
    assert client.get("/books/search?q=flask").get_json() == {"q": "flask"}
    assert client.get("/books/search").status_code == 400


def test_remote_addr_is_the_peer_not_x_forwarded_for():
    response = app.test_client().get(
        "/whoami",
        headers={"X-Forwarded-For": "203.0.113.7"},
        environ_base={"REMOTE_ADDR": "10.0.0.2"},
    )
    assert response.get_json() == {
        "remote_addr": "10.0.0.2",
        "x_forwarded_for": "203.0.113.7",
        "access_route": ["203.0.113.7"],
    }


def test_get_json_reads_a_json_body():
    response = json_app.test_client().post("/notes", json={"text": "hi"})
    assert response.status_code == 201
    assert response.get_json() == {"received": {"text": "hi"}}


def test_wrong_content_type_is_415_for_get_json_and_the_property():
    client = json_app.test_client()
    for path in ("/notes", "/notes/via-property"):
        response = client.post(path, data={"text": "hi"})  # a form, not JSON
        assert response.status_code == 415
        assert "Did not attempt to load JSON data" in response.text


def test_malformed_json_is_400_and_debug_shows_why(monkeypatch):
    client = json_app.test_client()
    broken = {"data": '{"text": ', "content_type": "application/json"}
    response = client.post("/notes", **broken)
    assert response.status_code == 400
    assert "Failed to decode" not in response.text  # outside debug: a generic 400
    monkeypatch.setitem(json_app.config, "DEBUG", True)
    assert "Failed to decode JSON object" in client.post("/notes", **broken).text


def test_silent_returns_none_so_the_view_answers_with_its_own_error():
    client = json_app.test_client()
    expected = {"error": "invalid_body", "detail": 'send a JSON object like {"text": "..."}'}
    for kwargs in ({"data": {"text": "hi"}},
                   {"data": "{oops", "content_type": "application/json"},
                   {"json": ["not", "an", "object"]}):
        response = client.post("/notes/lenient", **kwargs)
        assert (response.status_code, response.get_json()) == (400, expected)
    ok = client.post("/notes/lenient", json={"text": "hi"})
    assert (ok.status_code, ok.get_json()) == (201, {"text": "hi"})


def test_plus_json_mimetypes_count_as_json_and_null_is_none():
    client = json_app.test_client()
    merge_patch = client.post("/notes", data='{"a": 1}', content_type="application/merge-patch+json")
    assert merge_patch.get_json() == {"received": {"a": 1}}
    # werkzeug/sansio/request.py is_json: application/json or application/*+json, any parameters.
    for mimetype in ("application/vnd.api+json", "application/json; charset=utf-8",
                     "application/problem+json; charset=utf-8"):
        response = client.post("/notes", data='{"a": 1}', content_type=mimetype)
        assert (response.status_code, response.get_json()) == (201, {"received": {"a": 1}})
    for mimetype in ("text/x+json", "text/json", "application/jsonx"):
        assert client.post("/notes", data='{"a": 1}', content_type=mimetype).status_code == 415
    null = client.post("/notes/lenient", data="null", content_type="application/json")
    assert null.get_json()["error"] == "invalid_body"


def test_force_skips_the_content_type_check():
    with json_app.test_request_context(method="POST", data='{"a": 1}', content_type="text/plain"):
        assert request.get_json(silent=True) is None
        assert request.get_json(force=True) == {"a": 1}


def test_reading_the_stream_first_leaves_nothing_for_form_or_get_data():
    with json_app.test_request_context(method="POST", data={"name": "ada"}):
        assert request.stream.read() == b"name=ada"
        assert request.get_data() == b""
        assert request.form.to_dict() == {}


def test_files_is_empty_without_multipart_and_headers_ignore_case():
    with json_app.test_request_context(method="POST", data={"name": "ada"}, headers={"X-Token": "t"}):
        assert request.files.to_dict() == {}
        assert request.headers["x-token"] == request.headers["X-TOKEN"] == "t"


def test_bad_request_key_error_is_both_a_key_error_and_a_400():
    with json_app.test_request_context("/?a=1"):
        with pytest.raises(KeyError) as caught:
            request.args["q"]
        assert isinstance(caught.value, BadRequestKeyError)
        assert caught.value.code == 400
