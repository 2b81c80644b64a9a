"""Blueprint hooks, url_value_preprocessor and custom view decorators."""

import pytest
from flask import request

from snippets.lifecycle import blueprint_hooks, view_decorators


@pytest.fixture
def client():
    return blueprint_hooks.app.test_client()


def test_app_hooks_and_before_app_request_run_for_every_request(client):
    response = client.get("/")
    assert response.json == {"page": "home"}
    assert response.headers["X-Hooks"] == "app.before_request, docs.before_app_request"


def test_blueprint_before_request_runs_only_for_its_views(client):
    response = client.get("/fr/docs/intro")
    assert response.json == {"lang": "fr"}
    assert response.headers["X-Hooks"] == (
        "app.before_request, docs.before_app_request, docs.before_request")


def test_url_value_preprocessor_and_url_defaults_carry_the_language(client):
    response = client.get("/de/docs/")
    assert response.json == {"lang": "de", "intro": "/de/docs/intro"}


def test_an_unmatched_url_under_the_prefix_skips_the_blueprint_hooks(client):
    response = client.get("/fr/docs/nope")
    assert response.status_code == 404
    assert response.headers["X-Hooks"] == "app.before_request, docs.before_app_request"
    assert response.mimetype == "text/html"  # Flask's default page, not the blueprint's handler
    with blueprint_hooks.app.test_request_context("/fr/docs/nope"):
        assert request.blueprints == []


def test_the_blueprint_404_handler_sees_only_its_own_views_aborting(client):
    response = client.get("/fr/docs/old")
    assert response.status_code == 404
    assert response.json == {"error": "this page left the docs"}


def test_the_guard_decorator_refuses_without_a_token():
    response = view_decorators.app.test_client().get("/reports/2024")
    assert response.status_code == 401
    assert "Cache-Control" not in response.headers


def test_the_decorators_run_around_the_view():
    response = view_decorators.app.test_client().get(
        "/reports/2024", headers={"X-Token": "let-me-in"})
    assert response.status_code == 200
    assert response.json == {"year": 2024, "total": 1200}
    assert response.headers["Cache-Control"] == "max-age=300, private"
    assert view_decorators.app.url_map.bind("").match("/reports/2024") == ("report", {"year": 2024})


def test_a_decorator_above_the_route_never_guards_anything():
    response = view_decorators.app.test_client().get("/reports/latest")  # no token
    assert response.status_code == 200
    assert response.json == {"year": 2025, "total": 1500}


def test_without_functools_wraps_the_second_view_collides():
    assert view_decorators.second.__name__ == "wrapper"
    with pytest.raises(AssertionError, match="overwriting an existing endpoint function: wrapper"):
        view_decorators.register_second()
    assert view_decorators.broken.test_client().get("/a").text == "a"
    assert view_decorators.second() == "b"  # the function works; only its name is wrong


def test_a_url_value_preprocessor_cannot_short_circuit_but_before_request_can():
    # review B: only before_request return values stop the request (app.py preprocess_request).
    from flask import Flask

    def make_app(before_request_returns):
        app = Flask(__name__)
        app.url_value_preprocessor(lambda endpoint, values: "ignored")
        app.before_request(lambda: before_request_returns)
        app.add_url_rule("/", "index", lambda: "the view ran")
        return app

    assert make_app(None).test_client().get("/").text == "the view ran"
    assert make_app("stopped").test_client().get("/").text == "stopped"
