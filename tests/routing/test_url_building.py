import pytest
from flask import url_for
from werkzeug.routing import BuildError

from snippets.routing.url_building import (
    app,
    build_outside_a_request,
    create_app,
    flask_routes,
    flask_routes_all_methods,
)


def test_url_for_inside_a_request():
    response = app.test_client().get("/")
    assert response.json == {
        "profile": "/users/ada%20lovelace",
        "search": "/search?q=flask&page=2",
        "help": "/help#converters",
        "external": "http://localhost/users/ada",
        "static": "/static/site.css",
    }


def test_endpoints_come_from_function_names_or_arguments():
    assert set(app.view_functions) == {"static", "profile", "find", "help", "index"}
    client = app.test_client()
    assert client.get("/users/ada").text == "profile of ada"
    assert client.get("/search").text == "results"
    assert client.get("/help").text == "help"


def test_unknown_endpoint_raises_build_error():
    with app.test_request_context():
        with pytest.raises(BuildError):
            url_for("search")  # the endpoint is "find"


def test_building_outside_a_request_needs_server_name():
    lines = build_outside_a_request().splitlines()
    # Without any app context the SERVER_NAME message never appears: the app is not known yet.
    assert lines[0] == "no app context: RuntimeError: Working outside of application context."
    assert lines[1].startswith("SERVER_NAME=None: RuntimeError: Unable to build URLs outside")
    assert lines[2] == "SERVER_NAME='example.com': https://example.com/users/ada"


def test_server_name_no_longer_restricts_incoming_hosts():
    # Changed in Flask 3.1.0: SERVER_NAME does not reject requests for other hosts.
    client = create_app("example.com").test_client()
    response = client.get("/users/ada", base_url="http://other.test")
    assert response.status_code == 200


def test_flask_routes_output():
    lines = flask_routes().splitlines()
    assert lines[0].split() == ["Endpoint", "Methods", "Rule"]
    rows = [line.split() for line in lines[2:]]
    assert ["find", "GET", "/search"] in rows
    assert ["help", "GET", "/help"] in rows
    assert ["profile", "GET", "/users/<username>"] in rows
    assert [row[0] for row in rows] == sorted(row[0] for row in rows)


def test_flask_routes_all_methods_shows_head_and_options():
    assert "GET, HEAD, OPTIONS  /users/<username>" in flask_routes_all_methods()


def test_test_request_context_with_base_url_builds_external_urls():
    with app.test_request_context(base_url="https://example.com"):
        assert url_for("profile", username="ada", _external=True) == "https://example.com/users/ada"


def test_method_and_scheme_arguments():
    with app.test_request_context():
        assert url_for("find", _method="GET") == "/search"
        assert url_for("find", _scheme="https", _external=True) == "https://localhost/search"
        with pytest.raises(ValueError, match="'_external' must be True"):
            url_for("find", _scheme="https", _external=False)


def test_sort_match_is_registration_order_not_matching_order():
    from flask import Flask
    from flask.cli import routes_command

    scratch = Flask(__name__)
    scratch.add_url_rule("/users/<name>", endpoint="by_name", view_func=lambda name: "by name")
    scratch.add_url_rule("/users/me", endpoint="me", view_func=lambda: "me")
    output = scratch.test_cli_runner().invoke(routes_command, ["--sort", "match"]).output
    listed = [line.split()[0] for line in output.splitlines()[2:]]
    assert listed == ["static", "by_name", "me"]  # the order of registration
    assert scratch.test_client().get("/users/me").text == "me"  # but the static rule wins
