"""Each symptom of docs/troubleshooting/requests-and-responses.md, reproduced and asserted
word for word against Flask 3.1.3 and Werkzeug 3.1.9; and each fix, shown to work."""

import io

from snippets.troubleshooting import requests_and_responses as snippet

client = snippet.app.test_client()
GENERIC_400 = "The browser (or proxy) sent a request that this server could not understand."


def test_bad_request_missing_form_key():
    response = client.post("/signup", data={"name": "Ada"})
    assert response.status_code == 400
    assert GENERIC_400 in response.text
    assert "email" not in response.text  # production hides the key
    assert snippet.form_key_in_debug_mode() == (
        f"werkzeug.exceptions.BadRequestKeyError: 400 Bad Request: {GENERIC_400}\nKeyError: 'email'")


def test_missing_form_key_fix():
    assert client.post("/signup-fixed", data={"email": " ada@example.com "}).json == {
        "welcome": "ada@example.com"}
    response = client.post("/signup-fixed", data={"name": "Ada"})
    assert (response.status_code, response.json) == (400, {"error": "email is required"})


def test_unsupported_media_type():
    response = client.post("/api/orders", data={"sku": "pen"})
    assert response.status_code == 415
    assert ("Did not attempt to load JSON data because the request Content-Type was not "
            "&#39;application/json&#39;.") in response.text
    assert client.post("/api/orders", json={"sku": "pen"}).json == {"received": {"sku": "pen"}}


def test_get_json_returns_none():
    assert client.post("/api/orders-lenient", data={"sku": "pen"}).json == {"received": None}
    assert client.post("/api/orders-lenient", data="{bad", content_type="application/json").json == {
        "received": None}


def test_failed_to_decode_json():
    response = client.post("/api/orders", data='{"sku": "pen",}', content_type="application/json")
    assert response.status_code == 400
    assert GENERIC_400 in response.text and "decode" not in response.text
    assert snippet.bad_json_in_debug_mode() == (
        "400 BAD REQUEST\n<p>Failed to decode JSON object: Expecting property name enclosed in "
        "double quotes: line 1 column 15 (char 14)</p>")


def test_request_entity_too_large():
    assert snippet.long_notes() == ("body of 400,000 characters: 200 OK\n"
                                    "body of 600,000 characters: 413 REQUEST ENTITY TOO LARGE")
    assert snippet.limits.config["MAX_CONTENT_LENGTH"] is None
    assert snippet.limits.config["MAX_FORM_MEMORY_SIZE"] == 500_000


def test_request_entity_too_large_fix_per_app():
    snippet.limits.config["MAX_FORM_MEMORY_SIZE"] = 1_000_000
    try:
        assert snippet.post_a_long_note(600_000) == "body of 600,000 characters: 200 OK"
    finally:
        snippet.limits.config["MAX_FORM_MEMORY_SIZE"] = 500_000


def test_view_returned_none():
    assert snippet.view_returned_none() == (
        "TypeError: The view function for 'report' did not return a valid response. "
        "The function either returned None or ended without a return statement.")
    assert client.get("/report?format=csv").text == "id,total\n1,9.99\n"


def test_invalid_return_type():
    assert snippet.view_returned_an_int() == (
        "TypeError: The view function did not return a valid response. The return type must be "
        "a string, dict, list, tuple with headers or status, Response instance, or WSGI callable, "
        "but it was a int.")


def test_object_not_json_serializable():
    assert snippet.set_is_not_serializable() == "TypeError: Object of type set is not JSON serializable"
    # what Flask's provider does convert: the dataclass and its Decimal
    assert client.get("/cart-fixed").json == {"line": {"price": "2.50", "sku": "pen"},
                                              "tags": ["gift", "sale"]}


def test_request_files_empty_without_multipart():
    response = client.post("/avatar", data={"photo": "me.png"})
    assert response.mimetype == "text/plain"  # a reflected form value is never HTML
    assert response.text == ("files: ImmutableMultiDict([])\n"
                             "form: ImmutableMultiDict([('photo', 'me.png')])")
    # the fix: a multipart body (what enctype="multipart/form-data" makes a browser send)
    response = client.post("/avatar", data={"photo": (io.BytesIO(b"PNG"), "me.png")})
    assert response.text.startswith("files: ImmutableMultiDict([('photo', <FileStorage: 'me.png'")


def test_form_memory_limit_is_for_multipart_only():
    """Werkzeug 3.1.9 holds a URL-encoded form to no per-field limit (3.1.0-3.1.8 did)."""
    response = snippet.limits.test_client().post("/notes", data={"body": "x" * 600_000})
    assert response.status == "200 OK" and response.json == {"length": 600_000}


def test_request_entity_too_large_fix_per_view():
    from flask import Flask, request

    app = Flask(__name__)

    @app.post("/notes")
    def save_note():
        request.max_form_memory_size = 1_000_000  # before request.form is read
        return {"length": len(request.form["body"])}

    body = f'--b\r\nContent-Disposition: form-data; name="body"\r\n\r\n{"x" * 600_000}\r\n--b--\r\n'
    response = app.test_client().post(
        "/notes", data=body.encode(), content_type="multipart/form-data; boundary=b")
    assert response.json == {"length": 600_000}


def test_multipart_without_boundary_parses_to_nothing():
    """A hand-written `Content-Type: multipart/form-data` (no boundary): empty files and form."""
    body = '--b\r\nContent-Disposition: form-data; name="photo"; filename="me.png"\r\n\r\nPNG\r\n--b--\r\n'
    response = client.post("/avatar", data=body.encode(), content_type="multipart/form-data")
    assert response.text == "files: ImmutableMultiDict([])\nform: ImmutableMultiDict([])"


def test_a_provider_subclass_teaches_the_app_sets():
    from flask import Flask
    from flask.json.provider import DefaultJSONProvider

    class SetsAsLists(DefaultJSONProvider):
        @staticmethod
        def default(o):
            return sorted(o) if isinstance(o, set) else DefaultJSONProvider.default(o)

    app = Flask(__name__)
    app.json = SetsAsLists(app)
    app.add_url_rule("/cart", view_func=snippet.cart)
    assert app.test_client().get("/cart").json == {
        "line": {"price": "2.50", "sku": "pen"}, "tags": ["gift", "sale"]}
