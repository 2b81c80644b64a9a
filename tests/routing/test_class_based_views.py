import pytest

from snippets.routing.class_based_views import app as list_app
from snippets.routing.method_view_crud import create_app


def allow(response):
    return {method.strip() for method in response.headers["Allow"].split(",")}


def test_one_view_class_registered_twice_with_different_arguments():
    client = list_app.test_client()
    assert client.get("/colors").json == {"items": ["red", "green", "blue"], "total": 3}
    assert client.get("/sizes").json == {"items": ["S", "M"], "total": 4}
    assert client.get("/sizes?limit=3").json["items"] == ["S", "M", "L"]
    assert client.post("/colors").status_code == 405


@pytest.fixture
def client():
    return create_app().test_client()


def test_method_view_methods_come_from_the_defined_functions():
    app = create_app()
    rules = {rule.endpoint: rule.methods for rule in app.url_map.iter_rules()}
    assert rules["task_list"] == {"GET", "HEAD", "OPTIONS", "POST"}
    assert rules["task_item"] == {"GET", "HEAD", "OPTIONS", "PUT", "DELETE"}


def test_list_and_read(client):
    tasks = client.get("/tasks").json
    assert [t["id"] for t in tasks] == [1, 2]
    assert client.get("/tasks/1").json == {"id": 1, "title": "write the routing chapter", "done": True}


def test_create_returns_201_with_location(client):
    response = client.post("/tasks", json={"title": "  review  "})
    assert response.status_code == 201
    assert response.headers["Location"] == "/tasks/3"
    assert response.json == {"id": 3, "title": "review", "done": False}
    assert client.get("/tasks/3").json["title"] == "review"


def test_replace_and_delete(client):
    response = client.put("/tasks/2", json={"title": "test it all", "done": True})
    assert response.status_code == 200
    assert response.json == {"id": 2, "title": "test it all", "done": True}
    deleted = client.delete("/tasks/2")
    assert deleted.status_code == 204
    assert deleted.data == b""
    assert client.get("/tasks/2").status_code == 404


def test_missing_task_is_a_json_404(client):
    for method in ("GET", "PUT", "DELETE"):
        response = client.open("/tasks/99", method=method, json={"title": "x"})
        assert response.status_code == 404
        assert response.json == {"error": "Not Found", "detail": "No task with id 99."}


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        ({"done": True}, "'title' is required and must be a non-empty string."),
        ({"title": "   "}, "'title' is required and must be a non-empty string."),
        ({"title": "x", "done": "yes"}, "'done' must be true or false."),
        (["not", "an", "object"], "The body must be a JSON object."),
    ],
)
def test_invalid_body_is_a_json_400(client, body, detail):
    response = client.post("/tasks", json=body)
    assert response.status_code == 400
    assert response.json == {"error": "Bad Request", "detail": detail}


def test_form_post_is_a_json_415(client):
    response = client.post("/tasks", data={"title": "x"})
    assert response.status_code == 415
    assert response.json["error"] == "Unsupported Media Type"
    assert "Content-Type was not 'application/json'" in response.json["detail"]


def test_malformed_json_is_a_json_400(client):
    response = client.post("/tasks", data="{oops", content_type="application/json")
    assert response.status_code == 400
    assert response.is_json


def test_405_is_json_and_keeps_the_allow_header(client):
    response = client.post("/tasks/1")
    assert response.status_code == 405
    assert response.json["error"] == "Method Not Allowed"
    assert allow(response) == {"GET", "HEAD", "OPTIONS", "PUT", "DELETE"}


def test_each_app_has_its_own_store():
    first, second = create_app().test_client(), create_app().test_client()
    first.delete("/tasks/1")
    assert first.get("/tasks/1").status_code == 404
    assert second.get("/tasks/1").status_code == 200


def test_head_falls_back_to_get(client):
    response = client.head("/tasks/1")
    assert response.status_code == 200
    assert response.data == b""


@pytest.mark.parametrize(("every_request", "instances"), [(True, 3), (False, 1)])
def test_init_every_request_decides_how_many_instances_are_made(every_request, instances):
    from flask import Flask
    from flask.views import View

    made = []

    class Counted(View):
        init_every_request = every_request

        def __init__(self):
            made.append(self)

        def dispatch_request(self):
            return "ok"

    scratch = Flask(__name__)
    scratch.add_url_rule("/", view_func=Counted.as_view("counted"))
    client = scratch.test_client()
    for _ in range(3):
        assert client.get("/").text == "ok"
    assert len(made) == instances
