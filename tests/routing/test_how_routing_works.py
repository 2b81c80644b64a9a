from werkzeug.routing import Map, Rule

from snippets.routing.how_routing_works import app, match_a_path, url_map_contents


def test_views_answer():
    client = app.test_client()
    assert client.get("/").text == "home"
    assert client.get("/users/42").text == "user 42"


def test_route_decorator_adds_rules_to_the_werkzeug_map():
    assert isinstance(app.url_map, Map)
    rules = {rule.rule: rule for rule in app.url_map.iter_rules()}
    assert set(rules) == {"/", "/users/<int:user_id>", "/static/<path:filename>"}
    assert all(isinstance(rule, Rule) for rule in rules.values())
    assert rules["/users/<int:user_id>"].endpoint == "show_user"
    assert app.view_functions["show_user"].__name__ == "show_user"


def test_url_map_contents_lists_each_rule_with_its_methods():
    text = url_map_contents()
    assert "/users/<int:user_id>" in text
    assert "show_user" in text
    assert "GET, HEAD, OPTIONS" in text


def test_matching_a_path_gives_endpoint_and_converted_arguments():
    assert match_a_path() == "endpoint='show_user' arguments={'user_id': 42} view=show_user()"


def test_match_order_follows_specificity_not_declaration_order():
    # Supports the index page: Werkzeug ranks rules, a static rule beats a variable one.
    from flask import Flask

    scratch = Flask(__name__)
    scratch.add_url_rule("/pages/<name>", endpoint="any_page", view_func=lambda name: f"page {name}")
    scratch.add_url_rule("/pages/about", endpoint="about", view_func=lambda: "the about page")
    client = scratch.test_client()
    assert client.get("/pages/about").text == "the about page"
    assert client.get("/pages/faq").text == "page faq"


def test_routing_failures_happen_before_the_view():
    client = app.test_client()
    assert client.get("/users/ada").status_code == 404
    assert client.post("/users/42").status_code == 405
