"""Routing and URL building failing as the page shows, and each fix working."""

from snippets.troubleshooting import routing_and_urls as page

client = page.app.test_client()


def test_a_blueprint_endpoint_needs_its_prefix():
    assert page.endpoint_without_blueprint() == (
        "werkzeug.routing.exceptions.BuildError: Could not build url for endpoint 'login'."
        " Did you mean 'auth.login' instead?")
    assert page.built_urls().split("\n") == [
        "/auth/login", "/auth/login", "/auth/users/ada", "/auth/users/ada?tab=posts"]
    assert client.get("/auth/login").text == "the login form"
    assert client.get("/auth/users/ada").text == "profile of ada"


def test_every_rule_variable_needs_a_value():
    assert page.endpoint_missing_value() == (
        "werkzeug.routing.exceptions.BuildError: Could not build url for endpoint"
        " 'auth.profile'. Did you forget to specify values ['username']?")


def test_url_for_without_a_request_needs_server_name():
    assert page.outside_a_request() == (
        "builtins.RuntimeError: Unable to build URLs outside an active request without"
        " 'SERVER_NAME' configured. Also configure 'APPLICATION_ROOT' and"
        " 'PREFERRED_URL_SCHEME' as needed.")
    assert page.with_server_name() == "https://shop.example.com/auth/login"


def test_a_get_only_route_refuses_the_form_post():
    assert client.get("/contact").status_code == 200
    response = client.post("/contact", data={"message": "hi"})
    assert response.status_code == 405
    assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    assert "The method is not allowed for the requested URL." in response.text


def test_the_slashless_url_redirects_with_308():
    response = client.post("/items", data={"name": "pen"})
    assert response.status_code == 308
    assert response.headers["Location"] == "http://localhost/items/"
    followed = client.post("/items", data={"name": "pen"}, follow_redirects=True)
    assert followed.text == "POST items"


def test_the_slashed_url_of_a_file_rule_is_404():
    assert client.get("/about").text == "about us"
    assert client.get("/about/").status_code == 404


def test_int_rejects_a_sign_unless_signed():
    assert client.get("/items/-1").status_code == 404
    assert client.get("/items/7").text == "item 7"
    assert page.signed_converter() == "delta -5"


def test_a_decorator_without_wraps_renames_every_view():
    assert page.wrapper_overwrites().split("\n") == [
        "AssertionError: View function mapping is overwriting an existing endpoint function:"
        " wrapper",
        "(endpoints: ['static', 'wrapper']; /cart still answers 'cart')",
    ]
    assert page.wrapper_fixed() == "cart, checkout, static: ['cart', 'checkout']"


def test_the_view_must_take_the_rule_variables():
    assert page.view_argument_mismatch() == (
        "TypeError: order() got an unexpected keyword argument 'order_id'")
    assert page.app.config["PROPAGATE_EXCEPTIONS"] is None  # put back for the other tests
    assert client.get("/orders/7").status_code == 500
    assert page.order(id="7") == "order 7"


def test_strict_slashes_false_fixes_both_trailing_slash_entries():
    """The fix both slash entries name: with strict_slashes=False each form answers itself."""
    from flask import Flask

    loose = Flask(__name__)
    loose.add_url_rule("/items/", "items", lambda: "items", strict_slashes=False)
    loose.add_url_rule("/about", "about", lambda: "about", strict_slashes=False)
    loose_client = loose.test_client()
    for path, text in [("/items", "items"), ("/items/", "items"),
                       ("/about", "about"), ("/about/", "about")]:
        response = loose_client.get(path)
        assert (response.status_code, response.text) == (200, text)


def test_float_rejects_a_number_without_a_decimal_point():
    from flask import Flask

    prices = Flask(__name__)
    prices.add_url_rule("/price/<float:value>", "price", lambda value: f"{value}")
    assert prices.test_client().get("/price/5").status_code == 404
    assert prices.test_client().get("/price/5.0").text == "5.0"


def test_url_for_given_a_path_is_a_build_error_too():
    import pytest
    from flask import url_for
    from werkzeug.routing import BuildError

    with page.app.test_request_context(), pytest.raises(BuildError) as caught:
        url_for("/auth/login")
    assert "Could not build url for endpoint '/auth/login'" in str(caught.value)


def test_server_name_no_longer_restricts_hosts_trusted_hosts_does():
    """Since Flask 3.1 SERVER_NAME only builds URLs; TRUSTED_HOSTS refuses other hosts."""
    from flask import Flask

    named = Flask(__name__)
    named.config["SERVER_NAME"] = "shop.example.com"
    named.add_url_rule("/", "index", lambda: "home")
    assert named.test_client().get("/", headers={"Host": "other.test"}).text == "home"
    named.config["TRUSTED_HOSTS"] = ["shop.example.com"]
    assert named.test_client().get("/", headers={"Host": "other.test"}).status_code == 400
    assert named.test_client().get("/", base_url="http://shop.example.com").text == "home"
