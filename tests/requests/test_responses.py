import pytest
from flask import Flask, Response, jsonify

from snippets.requests import json_provider
from snippets.requests.return_types import app, invalid_returns


@pytest.fixture
def client():
    return app.test_client()


def test_str_and_bytes_are_html_by_default(client):
    text = client.get("/text")
    assert (text.status_code, text.content_type, text.text) == (
        200, "text/html; charset=utf-8", "<p>Hello</p>")
    raw = client.get("/bytes")
    assert (raw.content_type, raw.data) == ("text/html; charset=utf-8", b"sent byte for byte")


def test_dict_and_list_become_json_without_jsonify(client):
    as_dict = client.get("/dict")
    assert as_dict.content_type == "application/json"
    assert as_dict.get_json() == {"id": 1, "tags": ["a", "b"]}
    as_list = client.get("/list")
    assert as_list.content_type == "application/json"
    assert as_list.get_json() == [{"id": 1}, {"id": 2}]


def test_tuples_set_status_and_headers(client):
    created = client.post("/items")
    assert created.status_code == 201
    assert created.headers["Location"] == "/items/3"  # relative: not rewritten since Werkzeug 2.1
    assert created.content_type == "application/json"  # a new name (Location) is added
    assert client.get(created.headers["Location"]).get_json() == {"id": 3}
    deleted = client.delete("/items/3")
    assert (deleted.status_code, deleted.data) == (204, b"")
    legacy = client.get("/legacy")
    assert (legacy.status_code, legacy.headers["Deprecation"], legacy.text) == (200, "true", "moved on")


def test_response_objects_jsonify_and_make_response(client):
    csv = client.get("/csv")
    assert (csv.content_type, csv.text) == ("text/csv; charset=utf-8", "id,name\n1,pen\n")
    assert client.get("/jsonify").get_json() == [1, 2, 3]
    made = client.get("/made")
    assert made.status_code == 202
    assert made.headers["X-Request-Cost"] == "3"
    assert made.headers["Cache-Control"] == "max-age=60"
    assert made.get_json() == {"ok": True}


def test_a_generator_is_streamed(client):
    response = client.get("/stream")
    assert response.is_streamed
    assert "Content-Length" not in response.headers
    assert response.text == "first\nsecond\n"
    assert response.content_type == "text/plain"  # the tuple's header replaced text/html


def test_returning_none_is_a_type_error(monkeypatch):
    monkeypatch.setitem(app.config, "TESTING", True)
    with pytest.raises(TypeError, match="did not return a valid response"):
        app.test_client().get("/forgot")


def test_none_is_not_the_only_invalid_return_value():
    # flask/app.py make_response: any type outside the table is a TypeError, not only None.
    lines = invalid_returns().splitlines()
    starts = [line for line in lines if not line.startswith("    ")]
    assert [line.split(":")[0] for line in starts] == ["None", "42", "{'pen'}",
                                                       "('body', 200, {}, 'extra')"]
    assert all(": TypeError: The view function" in line for line in starts)
    assert "but it was a int." in invalid_returns().replace("\n    ", " ")
    assert "but it was a set." in invalid_returns().replace("\n    ", " ")

    scratch = Flask(__name__)
    scratch.add_url_rule("/count", "count", lambda: len(["pen", "ink"]))  # a count, not a body
    scratch.add_url_rule("/price", "price", lambda: 9.99)
    with scratch.test_client() as client:
        assert client.get("/count").status_code == 500  # in production: a 500
        assert client.get("/price").status_code == 500
    scratch.testing = True
    with pytest.raises(TypeError, match="but it was a int"):
        scratch.test_client().get("/count")


def test_default_provider_sorts_keys_and_formats_types():
    response = json_provider.default_app.test_client().get("/invoice")
    assert response.data == b'{"due":"Fri, 31 Jan 2025 00:00:00 GMT","number":7,"total":"19.90"}\n'


def test_default_provider_rejects_unknown_types(monkeypatch):
    monkeypatch.setitem(json_provider.default_app.config, "TESTING", True)
    with pytest.raises(TypeError, match="Status is not JSON serializable"):
        json_provider.default_app.test_client().get("/ticket")


def test_custom_provider_keeps_order_and_encodes_enum_and_iso_dates():
    client = json_provider.app.test_client()
    assert isinstance(json_provider.app.json, json_provider.ApiJSONProvider)
    assert client.get("/invoice").data == b'{"total":"19.90","due":"2025-01-31","number":7}\n'
    assert client.get("/ticket").get_json() == {"status": "open"}


def test_provider_attributes_on_the_default_provider(monkeypatch):
    client = json_provider.compact_app.test_client()
    expected = b'{"total":"19.90","due":"Fri, 31 Jan 2025 00:00:00 GMT","number":7}\n'
    assert client.get("/invoice").data == expected
    monkeypatch.setitem(json_provider.compact_app.config, "DEBUG", True)
    assert client.get("/invoice").data == expected  # compact even in debug


def test_default_provider_indents_in_debug(monkeypatch):
    monkeypatch.setitem(json_provider.default_app.config, "DEBUG", True)
    body = json_provider.default_app.test_client().get("/invoice").data
    assert body.startswith(b'{\n  "due"')


def test_response_has_no_cookies_attribute():
    assert not hasattr(Response(), "cookies")
    assert hasattr(Response(), "set_cookie") and hasattr(Response(), "delete_cookie")


def test_status_may_be_a_string_and_jsonify_takes_kwargs():
    with app.test_request_context():
        assert app.make_response(("made", "201 CREATED")).status_code == 201
        assert jsonify(a=1, b=2).get_json() == {"a": 1, "b": 2}
        assert app.make_response(("x", [("X-A", "1")])).headers["X-A"] == "1"
        problem = app.make_response(({"a": 1}, {"Content-Type": "application/problem+json"}))
        assert problem.headers.getlist("Content-Type") == ["application/problem+json"]  # replaced


def test_default_provider_escapes_non_ascii():
    assert json_provider.default_app.json.dumps({"city": "Zürich"}) == '{"city": "Z\\u00fcrich"}'


def test_assigning_a_provider_instance_to_one_app():
    one_app = Flask(__name__)
    one_app.json = json_provider.ApiJSONProvider(one_app)
    with one_app.test_request_context():
        response = one_app.make_response({"b": json_provider.Status.CLOSED, "a": 1})
    assert response.data == b'{"b":"closed","a":1}\n'
