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


UUID = "9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f"


def test_equal_weights_are_broken_by_declaration_order_first_wins():
    # werkzeug/routing/matcher.py: static first, then dynamic parts sorted (stably) by
    # converter weight, so rules of equal weight keep the order they were declared in.
    from snippets.routing.how_routing_works import tickets

    client = tickets.test_client()
    assert client.get("/tickets/open").text == "the open tickets"
    assert client.get("/tickets/42").text == "ticket_by_number(42)"  # int (50) beats string (100)
    assert client.get(f"/tickets/{UUID}").text == f"ticket_by_ref('{UUID}')"  # tie: first wins
    import uuid  # the shadowed view itself works; routing just never picks it

    assert tickets.view_functions["ticket_by_id"](uuid.UUID(UUID)) == f"ticket_by_id(UUID('{UUID}'))"


def test_the_same_rules_declared_in_reverse_order():
    from flask import Flask

    from snippets.routing import how_routing_works as module

    reverse = Flask(__name__)
    for endpoint in ["ticket_by_number", "ticket_by_id", "ticket_by_ref", "open_tickets"]:
        rule = next(module.tickets.url_map.iter_rules(endpoint))
        reverse.add_url_rule(rule.rule, endpoint, module.tickets.view_functions[endpoint])
    client = reverse.test_client()
    assert client.get(f"/tickets/{UUID}").text == f"ticket_by_id(UUID('{UUID}'))"  # now first
    assert client.get("/tickets/42").text == "ticket_by_number(42)"  # weight, not order
    assert client.get("/tickets/open").text == "the open tickets"  # static, not order
    assert client.get("/tickets/abc").text == "ticket_by_ref('abc')"


def test_two_rules_with_the_same_pattern_and_method_the_first_declared_wins():
    from flask import Flask

    scratch = Flask(__name__)
    scratch.add_url_rule("/report", "first", lambda: "first")
    scratch.add_url_rule("/report", "second", lambda: "second")
    assert scratch.test_client().get("/report").text == "first"
