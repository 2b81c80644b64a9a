from snippets.routing import view_decorators
from snippets.routing.view_decorators import app, forgetful, register_two_views_without_wraps

client = app.test_client()
TOKEN = {"X-Token": "s3cret"}


def test_decorated_views_need_the_token():
    assert client.get("/reports").status_code == 401
    assert client.get("/reports", headers={"X-Token": "wrong"}).json == {"error": "missing or wrong X-Token"}
    assert client.get("/reports", headers=TOKEN).json == {"reports": ["q1", "q2"]}
    assert client.get("/invoices/7", headers=TOKEN).json == {"invoice": 7}


def test_wraps_keeps_the_endpoint_names_distinct():
    assert {"reports", "invoice", "audit"} <= set(app.view_functions)
    assert app.view_functions["reports"].__wrapped__.__name__ == "reports"


def test_decorator_above_the_route_protects_nothing():
    response = client.get("/payroll")  # no token, still served
    assert response.status_code == 200
    assert response.json == {"payroll": "everyone's salary"}
    assert view_decorators.payroll.__name__ == "payroll"  # the module name points at the wrapper


def test_decorators_attribute_on_a_class_view():
    assert client.get("/audit").status_code == 401
    assert client.get("/audit", headers=TOKEN).json == {"audit": ["login", "logout"]}


def test_without_wraps_every_view_is_named_wrapper():
    wrapped = forgetful(lambda: "passed through")
    assert wrapped.__name__ == "wrapper"
    assert wrapped() == "passed through"


def test_without_wraps_the_second_route_collides():
    assert register_two_views_without_wraps() == (
        "AssertionError: View function mapping is overwriting an existing endpoint function: wrapper"
    )


def test_two_views_with_the_same_name_collide_too():
    import pytest
    from flask import Flask

    scratch = Flask(__name__)

    def view():
        """First."""

    scratch.add_url_rule("/one", view_func=view)

    def view():
        """Second."""

    with pytest.raises(AssertionError, match="overwriting an existing endpoint function: view"):
        scratch.add_url_rule("/two", view_func=view)
