import pytest
from flask import Blueprint, Flask, request

from snippets.requests.api_errors import create_app, order_from, register_error_handlers

PROBLEM_KEYS = {"type", "title", "status", "detail"}


@pytest.fixture
def client():
    return create_app().test_client()


def problem_of(response, status):
    assert response.status_code == status
    assert response.content_type == "application/problem+json"
    body = response.get_json(force=True)
    assert PROBLEM_KEYS <= body.keys() and body["status"] == status
    return body


def test_a_form_body_is_415(client):
    body = problem_of(client.post("/orders", data={"sku": "pen"}), 415)
    assert body["title"] == "Unsupported Media Type"


def test_json_that_does_not_parse_is_400(client):
    problem_of(client.post("/orders", data="{broken", content_type="application/json"), 400)


def test_json_of_the_wrong_shape_is_400(client):
    body = problem_of(client.post("/orders", json=[1, 2]), 400)
    assert body["detail"] == "the body must be a JSON object"


def test_valid_json_with_wrong_fields_is_422_with_every_field(client):
    body = problem_of(client.post("/orders", json={"sku": "", "quantity": True}), 422)
    assert body["errors"] == {"sku": "required: a non-empty string",
                              "quantity": "required: an integer of at least 1"}


def test_a_good_order_is_201(client):
    response = client.post("/orders", json={"sku": "pen", "quantity": 2})
    assert (response.status_code, response.get_json()) == (201, {"sku": "pen", "quantity": 2})


def test_404_405_and_413_share_the_format_and_keep_their_headers(client):
    problem_of(client.get("/orders/7"), 404)
    not_allowed = client.delete("/orders/7")
    problem_of(not_allowed, 405)
    assert set(not_allowed.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    too_large = client.post("/orders", data="x" * 2000, content_type="application/json")
    problem_of(too_large, 413)


def test_an_unhandled_exception_reaches_the_http_handler_as_a_500_in_production(client):
    body = problem_of(client.get("/crash"), 500)
    assert body["title"] == "Internal Server Error"
    assert "ZeroDivisionError" not in body["detail"]  # nothing internal leaks


def test_in_testing_the_exception_propagates_instead():
    # No handler for Exception: debug and tests still get the real traceback.
    client = create_app({"TESTING": True}).test_client()
    with pytest.raises(ZeroDivisionError):
        client.get("/crash")



def test_a_blueprint_handler_misses_routing_errors():
    app, api = Flask(__name__), Blueprint("api", __name__, url_prefix="/api")
    register_error_handlers(api)

    @api.post("/orders")
    def create_order():
        return order_from(request.get_json())

    app.register_blueprint(api)
    client = app.test_client()
    assert client.post("/api/orders", json={}).status_code == 422  # the blueprint's handler
    assert client.post("/api/orders", json={}).content_type == "application/problem+json"
    for response in (client.get("/api/nowhere"), client.delete("/api/orders")):
        assert response.status_code in (404, 405)
        assert response.content_type == "text/html; charset=utf-8"  # Werkzeug's page, not ours
