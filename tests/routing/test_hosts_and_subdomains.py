import pytest
from werkzeug.exceptions import NotFound
from werkzeug.test import EnvironBuilder

from snippets.routing.hosts_and_subdomains import hosts, strict, tenants, urls_without_a_request


def get(app, host, path="/"):
    return app.test_client().get(path, headers={"Host": host})


def test_a_subdomain_variable_reaches_the_view_and_url_for_builds_hosts():
    assert get(tenants, "shop.test").get_json() == {"page": "landing", "ada": "http://ada.shop.test/"}
    assert get(tenants, "ada.shop.test").get_json() == {"tenant": "ada", "landing": "http://shop.test/"}


def test_the_default_string_converter_lets_dots_and_foreign_hosts_in():
    assert get(tenants, "a.b.shop.test").get_json()["tenant"] == "a.b"
    with pytest.warns(UserWarning, match="doesn't match configured server name"):
        foreign = get(tenants, "other.test")
    assert (foreign.status_code, foreign.get_json()["tenant"]) == (200, "<invalid>")


def test_a_label_converter_and_trusted_hosts_close_both_holes():
    assert get(strict, "ada.shop.test").get_json() == {"tenant": "ada"}
    assert get(strict, "a.b.shop.test").status_code == 404
    assert get(strict, "-x.shop.test").status_code == 404
    assert get(strict, "other.test").status_code == 400  # TRUSTED_HOSTS, before routing
    assert get(strict, "evilshop.test").status_code == 400


def test_host_matching_routes_on_the_whole_host_even_with_server_name_set():
    assert hosts.config["SERVER_NAME"] == "example.test"
    assert get(hosts, "api.example.test").get_json() == {
        "site": "api", "docs": "http://docs.example.test/", "org": "http://acme.customers.test/"}
    assert get(hosts, "docs.example.test").get_json() == {"site": "docs"}
    assert get(hosts, "acme.customers.test").get_json() == {"site": "customer", "org": "acme"}
    assert get(hosts, "example.test").status_code == 404  # SERVER_NAME is not a host rule


def test_a_rule_without_host_is_unreachable_under_host_matching():
    assert get(hosts, "api.example.test", "/health").status_code == 404
    assert {rule.endpoint: rule.host for rule in hosts.url_map.iter_rules()}["health"] is None
    with hosts.test_request_context():
        assert hosts.view_functions["health"]() == {"ok": True}


def test_static_host_is_required_with_host_matching_and_used_for_static():
    from flask import Flask
    with pytest.raises(AssertionError, match="static_host/host_matching"):
        Flask(__name__, host_matching=True)
    assert urls_without_a_request().splitlines() == [
        "http://api.example.test/", "http://docs.example.test/", "http://acme.customers.test/",
        "http://static.example.test/static/app.css"]


def test_what_flask_3_0_did_binding_server_name_ignores_the_real_host():
    # Flask 3.0.3's create_url_adapter passed SERVER_NAME to bind_to_environ under host_matching.
    environ = EnvironBuilder(path="/", headers={"Host": "api.example.test"}).get_environ()
    adapter = hosts.url_map.bind_to_environ(environ, server_name="example.test")
    with pytest.raises(NotFound):
        adapter.match()
    assert hosts.url_map.bind_to_environ(environ).match() == ("api_root", {})  # 3.1: server_name=None
