import pytest

from snippets.routing import automatic_options, methods


@pytest.fixture
def client():
    return methods.app.test_client()


def allow(response):
    """The Allow header as a set: its order changes from one process to the next."""
    return {method.strip() for method in response.headers["Allow"].split(",")}


def test_post_only_route_accepts_post(client):
    response = client.post("/submit", json={"a": 1})
    assert response.status_code == 201
    assert response.json == {"received": {"a": 1}}


def test_post_only_route_answers_get_with_405_and_allow(client):
    # Audit item 7: methods=["POST"] does not mean "only POST".
    response = client.get("/submit")
    assert response.status_code == 405
    assert allow(response) == {"OPTIONS", "POST"}


def test_post_only_route_also_answers_options(client):
    response = client.options("/submit")
    assert response.status_code == 200
    assert allow(response) == {"OPTIONS", "POST"}
    assert response.data == b""


def test_shortcuts_register_one_method_each(client):
    assert client.get("/articles").json == {"articles": ["routing", "methods"]}
    created = client.post("/articles", json={"title": "converters"})
    assert created.status_code == 201
    assert created.json == {"created": "converters"}
    assert client.delete("/articles").status_code == 405
    rules = [r for r in methods.app.url_map.iter_rules() if r.rule == "/articles"]
    assert {r.endpoint for r in rules} == {"list_articles", "create_article"}


def test_get_vs_post_on_one_route(client):
    form = client.get("/subscribe")
    assert form.status_code == 200
    assert '<form method="post">' in form.text
    posted = client.post("/subscribe", data={"email": "ada@example.com"})
    assert posted.status_code == 201
    assert posted.text == "subscribed ada@example.com"


def test_head_runs_the_get_view_and_drops_the_body(client):
    response = client.head("/ping")
    assert response.status_code == 200
    assert response.data == b""
    assert response.content_length == len("pong via HEAD")
    assert client.get("/ping").text == "pong via GET"


def test_get_routes_include_head_and_options(client):
    assert allow(client.options("/ping")) == {"GET", "HEAD", "OPTIONS"}


def test_shortcut_refuses_methods_argument():
    assert methods.shortcut_with_methods() == (
        "TypeError: Use the 'route' decorator to use the 'methods' argument."
    )


def test_per_route_opt_out_of_automatic_options():
    client = automatic_options.app.test_client()
    assert client.post("/internal").status_code == 204
    response = client.options("/internal")
    assert response.status_code == 405
    assert allow(response) == {"POST"}


def test_config_turns_automatic_options_off_app_wide():
    assert automatic_options.app.config["PROVIDE_AUTOMATIC_OPTIONS"] is True
    client = automatic_options.quiet_app.test_client()
    assert client.post("/webhook").status_code == 204
    response = client.options("/webhook")
    assert response.status_code == 405
    assert allow(response) == {"POST"}


def test_a_view_can_answer_options_itself():
    client = automatic_options.quiet_app.test_client()
    response = client.options("/uploads")
    assert response.status_code == 204
    assert response.headers["Accept-Post"] == "image/png"
    assert allow(response) == {"OPTIONS", "POST"}
    assert client.post("/uploads").status_code == 201


def test_opting_back_in_per_route_does_not_work_in_3_1():
    # Flask 3.2 makes provide_automatic_options=True re-enable it (CHANGES, issue 5916).
    client = automatic_options.quiet_app.test_client()
    assert client.post("/legacy").status_code == 204
    response = client.options("/legacy")
    assert response.status_code == 405
    assert allow(response) == {"POST"}


def test_explicit_true_disables_automatic_options_even_with_the_default_config():
    # flask/sansio/app.py add_url_rule adds OPTIONS only when the argument is None.
    assert automatic_options.app.config["PROVIDE_AUTOMATIC_OPTIONS"] is True
    client = automatic_options.app.test_client()
    assert client.post("/explicit").status_code == 204
    response = client.options("/explicit")
    assert response.status_code == 405
    assert allow(response) == {"POST"}
    rule = next(r for r in automatic_options.app.url_map.iter_rules() if r.rule == "/explicit")
    assert "OPTIONS" not in rule.methods


def test_methods_as_a_bare_string_is_refused():
    from flask import Flask

    scratch = Flask(__name__)
    with pytest.raises(TypeError, match="Allowed methods must be a list of strings"):
        scratch.add_url_rule("/x", view_func=lambda: "", methods="POST")


def test_default_methods_are_get_head_options():
    rule = next(r for r in methods.app.url_map.iter_rules() if r.rule == "/ping")
    assert rule.methods == {"GET", "HEAD", "OPTIONS"}


def test_shortcuts_exist_on_app_and_blueprint():
    from flask import Blueprint, Flask

    for name in ("get", "post", "put", "delete", "patch"):
        assert callable(getattr(Flask, name))
        assert callable(getattr(Blueprint, name))


def test_automatic_options_has_no_cors_headers(client):
    response = client.options("/submit", headers={
        "Origin": "https://app.example", "Access-Control-Request-Method": "POST"})
    assert response.status_code == 200
    assert not [name for name in response.headers.keys() if name.startswith("Access-Control-")]


def test_provide_automatic_options_is_read_when_the_rule_is_added():
    from flask import Flask

    scratch = Flask(__name__)
    scratch.add_url_rule("/early", "early", lambda: "", methods=["POST"])
    scratch.config["PROVIDE_AUTOMATIC_OPTIONS"] = False  # too late for /early
    scratch.add_url_rule("/late", "late", lambda: "", methods=["POST"])
    client = scratch.test_client()
    assert client.options("/early").status_code == 200
    assert client.options("/late").status_code == 405


def test_listing_options_calls_the_view_even_with_the_default_config():
    from flask import Flask, request

    scratch = Flask(__name__)
    assert scratch.config["PROVIDE_AUTOMATIC_OPTIONS"] is True
    scratch.add_url_rule("/own", view_func=lambda: f"view saw {request.method}",
                         methods=["POST", "OPTIONS"])
    assert scratch.test_client().options("/own").text == "view saw OPTIONS"


def test_werkzeug_adds_head_and_flask_adds_options():
    from werkzeug.routing import Rule

    assert Rule("/x", methods=["GET"]).methods == {"GET", "HEAD"}  # a bare Werkzeug rule
    assert Rule("/x", methods=["POST"]).methods == {"POST"}
    submit = next(r for r in methods.app.url_map.iter_rules() if r.rule == "/submit")
    assert submit.methods == {"POST", "OPTIONS"}  # Flask's add_url_rule added OPTIONS only
