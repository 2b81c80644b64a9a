import pytest
from flask import Flask

from snippets.structure import blueprint_basics, register_twice, subdomains
from snippets.structure.versioned_api import create_app as create_api_app


def test_blueprint_views_get_prefixed_urls_and_dotted_endpoints():
    client = blueprint_basics.app.test_client()
    assert client.get("/").json == {"catalog": "/products/"}
    assert client.get("/products/").json == {"products": ["/products/1", "/products/2"]}
    assert client.get("/products/2").json == {
        "name": "Kettle", "endpoint": "catalog.show_product", "blueprint": "catalog"}
    assert client.get("/1").status_code == 404  # the prefix is not optional
    endpoints = {rule.endpoint for rule in blueprint_basics.app.url_map.iter_rules()}
    assert {"catalog.list_products", "catalog.show_product", "home"} <= endpoints


def test_registering_twice_needs_a_name_and_relative_urls_follow_the_registration():
    client = register_twice.app.test_client()
    assert client.get("/shop/").json == {
        "registered_as": "shop", "self": "/shop/", "first_item": "/shop/teapot"}
    assert client.get("/outlet/").json == {
        "registered_as": "outlet", "self": "/outlet/", "first_item": "/outlet/teapot"}
    assert client.get("/outlet/kettle").json == {"slug": "kettle", "endpoint": "outlet.item"}
    assert set(register_twice.app.blueprints) == {"shop", "outlet"}
    assert register_twice.app.blueprints["outlet"] is register_twice.shop


def test_registering_twice_without_name_is_a_value_error():
    assert register_twice.register_twice_without_name() == (
        "ValueError: The name 'shop' is already registered for this blueprint. "
        "Use 'name=' to provide a unique name.")


def test_subdomain_blueprint_answers_only_on_its_subdomain():
    client = subdomains.create_app().test_client()
    home = client.get("/", base_url="http://example.test")
    assert home.json == {"host": "example.test", "admin": "http://admin.example.test/"}
    admin = client.get("/", headers={"Host": "admin.example.test"})
    assert admin.json == {"host": "admin.example.test", "blueprint": "admin"}


def test_without_subdomain_matching_the_subdomain_blueprint_is_unreachable():
    client = subdomains.create_app(subdomain_matching=False).test_client()
    admin = client.get("/", headers={"Host": "admin.example.test"})
    assert "blueprint" not in admin.json  # the app's home view answered instead
    assert admin.json["host"] == "admin.example.test"


def test_nested_blueprints_combine_prefixes_and_names():
    app = create_api_app()
    rules = {rule.rule: rule.endpoint for rule in app.url_map.iter_rules()}
    assert rules["/api/v1/users/<int:user_id>"] == "api.v1.get_user"
    assert rules["/api/v2/users/<int:user_id>"] == "api.v2.get_user"
    assert set(app.blueprints) == {"api", "api.v1", "api.v2"}


def test_each_version_has_its_own_representation_and_parent_hooks_run_for_both():
    client = create_api_app().test_client()
    v1 = client.get("/api/v1/users/1")
    assert v1.json == {"id": 1, "name": "Ada Lovelace"}
    assert v1.headers["API-Version"] == "v1"
    assert v1.headers["Deprecation"] == "@1767225600"
    assert v1.headers["Link"] == '</api/v2/users>; rel="successor-version"'
    v2 = client.get("/api/v2/users/2")
    assert v2.json == {"id": 2, "first_name": "Grace", "last_name": "Hopper",
                       "self": "/api/v2/users/2"}
    assert v2.headers["API-Version"] == "v2"
    assert "Deprecation" not in v2.headers  # v1's after_request is v1's only


def test_api_errors_are_json_and_the_rest_of_the_site_keeps_html():
    client = create_api_app().test_client()
    missing_user = client.get("/api/v2/users/9")
    assert missing_user.status_code == 404
    assert missing_user.json == {"error": "Not Found", "status": 404}
    no_such_version = client.get("/api/v3/users/1")  # matched no rule: no blueprint
    assert no_such_version.status_code == 404 and no_such_version.is_json
    assert "API-Version" not in no_such_version.headers  # api's after_request did not run
    page = client.get("/nope")
    assert page.status_code == 404 and page.mimetype == "text/html"
    assert client.get("/").text == "<h1>Home</h1>"


def test_blueprint_errorhandler_alone_misses_unmatched_urls():
    # Without the app_errorhandler, a URL under /api that matches no rule gets HTML.
    from flask import Blueprint
    api = Blueprint("api", __name__, url_prefix="/api")
    api.register_error_handler(404, lambda e: ({"error": "json"}, 404))
    api.add_url_rule("/items/<int:n>", view_func=lambda n: {"n": n}, endpoint="item")
    app = Flask(__name__)
    app.register_blueprint(api)
    client = app.test_client()
    assert client.get("/api/nope").mimetype == "text/html"
    with app.test_request_context("/api/nope"):
        from flask import request
        assert request.blueprint is None and request.blueprints == []


def test_method_not_allowed_under_api_is_html_too():
    # Routing failed (405), so no blueprint is known; only app-level handlers apply.
    response = create_api_app().test_client().post("/api/v2/users/1")
    assert response.status_code == 405 and response.mimetype == "text/html"


def test_blueprint_setup_after_registration_is_an_error():
    from flask import Blueprint
    bp = Blueprint("late", __name__)
    app = Flask(__name__)
    app.register_blueprint(bp)
    with pytest.raises(AssertionError, match="has already been registered"):
        bp.add_url_rule("/late", "late", lambda: "late")


def test_url_prefix_given_at_registration_beats_the_blueprints_default():
    from flask import Blueprint
    bp = Blueprint("catalog", __name__, url_prefix="/default")
    bp.add_url_rule("/", "index", lambda: "catalog")
    app = Flask(__name__)
    app.register_blueprint(bp)
    app.register_blueprint(bp, name="again", url_prefix="/chosen")
    rules = {rule.endpoint: rule.rule for rule in app.url_map.iter_rules()}
    assert rules["catalog.index"] == "/default/" and rules["again.index"] == "/chosen/"


def test_blueprint_hooks_run_for_its_views_app_hooks_for_every_request():
    from flask import Blueprint, abort
    calls = []
    parent = Blueprint("parent", __name__)
    child = Blueprint("child", __name__)
    child.add_url_rule("/x", "x", lambda: "x")
    parent.register_blueprint(child, url_prefix="/child")
    parent.before_request(lambda: calls.append("before_request"))
    parent.after_request(lambda r: calls.append("after_request") or r)
    parent.teardown_request(lambda e: calls.append("teardown_request"))
    parent.before_app_request(lambda: calls.append("before_app_request"))
    parent.after_app_request(lambda r: calls.append("after_app_request") or r)
    parent.teardown_app_request(lambda e: calls.append("teardown_app_request"))
    parent.register_error_handler(404, lambda e: ("parent 404", 404))
    parent.app_errorhandler(410)(lambda e: ("app-wide 410", 410))
    app = Flask(__name__)
    app.add_url_rule("/gone", "gone", lambda: abort(410))
    app.add_url_rule("/missing", "missing", lambda: abort(404))
    app.register_blueprint(parent, url_prefix="/parent")
    client = app.test_client()

    assert client.get("/parent/child/x").text == "x"  # a view of a nested blueprint
    assert sorted(calls) == sorted(["before_request", "before_app_request", "after_request",
                                    "after_app_request", "teardown_request",
                                    "teardown_app_request"])
    calls.clear()
    gone = client.get("/gone")  # an app view: only the *_app_* hooks and handlers
    assert gone.text == "app-wide 410"
    assert sorted(calls) == ["after_app_request", "before_app_request", "teardown_app_request"]
    assert client.get("/missing").text != "parent 404"  # errorhandler: the blueprint's views only


def test_a_handler_for_the_code_beats_a_handler_for_a_class_at_any_level():
    from flask import Blueprint, abort
    from werkzeug.exceptions import HTTPException
    parent = Blueprint("parent", __name__)
    child = Blueprint("child", __name__)
    child.add_url_rule("/missing", "missing", lambda: abort(404))
    child.add_url_rule("/forbidden", "forbidden", lambda: abort(403))
    parent.register_blueprint(child, url_prefix="/child")
    parent.register_error_handler(HTTPException, lambda e: ("parent, by class", e.code))
    app = Flask(__name__)
    app.register_error_handler(404, lambda e: ("app, by code", 404))
    app.register_blueprint(parent, url_prefix="/parent")
    client = app.test_client()
    assert client.get("/parent/child/missing").text == "app, by code"
    assert client.get("/parent/child/forbidden").text == "parent, by class"  # parent covers child


def test_the_versioned_api_404_is_answered_by_the_app_wide_handler():
    from flask import request
    from werkzeug.exceptions import NotFound
    app = create_api_app()
    with app.test_request_context("/api/v2/users/9"):
        assert request.blueprints == ["api.v2", "api"]
        assert app._find_error_handler(NotFound(), request.blueprints).__name__ == "not_found"


def test_with_subdomain_matching_other_hosts_get_404_and_a_warning():
    client = subdomains.create_app().test_client()
    for host in ("127.0.0.1:5000", "elsewhere.test"):
        with pytest.warns(UserWarning, match="doesn't match configured server name"):
            assert client.get("/", headers={"Host": host}).status_code == 404
    # Without subdomain matching (the default), Flask 3.1 serves any host.
    off = subdomains.create_app(subdomain_matching=False).test_client()
    assert off.get("/", headers={"Host": "elsewhere.test"}).status_code == 200


def test_nesting_inside_the_factory_would_fail_on_its_second_call():
    from snippets.structure.versioned_api import v1
    from snippets.structure.versioned_api.api import api
    create_api_app()  # api has been registered at least once
    with pytest.raises(AssertionError, match="has already been registered"):
        api.register_blueprint(v1.bp, url_prefix="/v1")
