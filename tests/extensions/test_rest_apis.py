"""marshmallow 4 and one books API twice: MethodView + marshmallow, and flask-smorest 0.47."""

import importlib.util

import pytest
from marshmallow import ValidationError, fields
from werkzeug.http import HTTP_STATUS_CODES

from snippets.extensions import rest_methodview, rest_schemas, rest_smorest
from snippets.extensions.rest_schemas import BookQuerySchema, BookSchema

DUNE = {"title": "Dune", "year": 1965, "tags": ["sf"]}


def test_marshmallow_4_rejects_missing_and_default_with_type_error():
    for old in ("missing", "default"):
        with pytest.raises(TypeError, match=f"unexpected keyword argument '{old}'"):
            fields.String(**{old: "x"})
    text = rest_schemas.marshmallow3_arguments()
    assert text.count("TypeError") == 2


def test_load_default_fills_input_and_dump_default_fills_output():
    loaded = BookSchema().load({"title": "Dune"})
    assert loaded == {"title": "Dune", "year": None, "tags": []}
    assert BookSchema().dump({"id": 1, "title": "Dune"}) == {"id": 1, "title": "Dune",
                                                            "status": "available"}
    first, second = BookSchema().load({"title": "a"}), BookSchema().load({"title": "b"})
    assert first["tags"] is not second["tags"]  # load_default=list is called each time
    assert BookQuerySchema().load({}) == {"limit": 20}


def test_dump_never_validates_and_422_keeps_its_old_name_in_werkzeug():
    assert BookSchema().dump({"title": "", "year": 1}) == {"title": "", "year": 1,
                                                         "status": "available"}
    assert HTTP_STATUS_CODES[422] == "Unprocessable Entity"  # RFC 9110: Unprocessable Content


def test_integer_fields_accept_numeric_strings_unless_strict():
    assert BookSchema().load({"title": "Dune", "year": "1965"})["year"] == 1965
    with pytest.raises(ValidationError):
        fields.Integer(strict=True).deserialize("1965")


def test_schema_errors_collect_every_field_and_reject_unknown_and_dump_only():
    with pytest.raises(ValidationError) as caught:
        BookSchema().load({"title": "", "year": "x", "id": 5})
    assert caught.value.messages == {"id": ["Unknown field."],
                                     "title": ["Length must be between 1 and 200."],
                                     "year": ["Not a valid integer."]}


@pytest.fixture(params=[rest_methodview, rest_smorest], ids=["methodview", "smorest"])
def client(request):
    return request.param.create_app().test_client()


def test_both_versions_create_list_filter_and_read(client):
    created = client.post("/books", json=DUNE)
    assert created.status_code == 201
    assert created.json == {**DUNE, "id": 1, "status": "available"}
    client.post("/books", json={"title": "Emma"})
    assert [b["title"] for b in client.get("/books").json] == ["Dune", "Emma"]
    assert [b["title"] for b in client.get("/books?tag=sf").json] == ["Dune"]
    assert len(client.get("/books?limit=1").json) == 1
    assert client.get("/books/1").json["title"] == "Dune"


def test_both_versions_answer_invalid_input_with_422_json(client):
    response = client.post("/books", json={"title": "", "year": 1200})
    assert response.status_code == 422
    assert response.json["code"] == 422
    errors = response.json["errors"]
    errors = errors.get("json", errors)  # smorest nests by location
    assert errors == {"title": ["Length must be between 1 and 200."],
                      "year": ["Must be greater than or equal to 1450 and less than or equal to 2100."]}
    bad_query = client.get("/books?limit=0")
    assert bad_query.status_code == 422
    assert "limit" in str(bad_query.json["errors"])


def test_both_versions_answer_unknown_ids_with_404_json(client):
    response = client.get("/books/9")
    assert response.status_code == 404
    assert response.json == {"code": 404, "status": "Not Found", "message": "No book with id 9."}


def test_methodview_version_sends_location_and_400_for_a_body_that_is_not_json():
    client = rest_methodview.create_app().test_client()
    assert client.post("/books", json=DUNE).headers["Location"] == "/books/1"
    for kwargs in ({"data": {"title": "x"}}, {"json": [1]}):
        response = client.post("/books", **kwargs)
        assert response.status_code == 400
        assert response.json["message"].startswith("Send a JSON object")


def test_smorest_answers_a_form_post_with_422_not_415():
    response = rest_smorest.create_app().test_client().post("/books", data={"title": "x"})
    assert response.status_code == 422
    assert response.json["errors"] == {"json": {"title": ["Missing data for required field."]}}


def test_smorest_serves_an_openapi_document_built_from_the_schemas():
    spec = rest_smorest.create_app().test_client().get("/openapi.json").json
    assert spec["info"] == {"title": "Books", "version": "v1"}
    assert set(spec["paths"]) == {"/books", "/books/{book_id}"}
    assert "Book" in spec["components"]["schemas"]
    params = {p["name"] for p in spec["paths"]["/books"]["get"]["parameters"]}
    assert params == {"tag", "limit"}


def test_flask_restful_is_not_installed():
    assert importlib.util.find_spec("flask_restful") is None
