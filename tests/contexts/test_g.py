import sqlite3

import pytest
from flask import g
from flask.ctx import AppContext

from snippets.contexts import g_per_request as example
from snippets.contexts.g_per_request import app


def test_g_does_not_survive_between_requests():
    client = app.test_client()
    assert [client.get("/hits").json for _ in range(3)] == [{"hits": 1}] * 3


def test_g_caches_a_resource_for_one_request_and_teardown_closes_it():
    example.closed.clear()
    response = app.test_client().get("/db")
    assert response.status_code == 200
    assert response.json == {"same_connection": True, "value": 42}
    assert len(example.closed) == 1
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        example.closed[0].execute("select 1")


def test_teardown_copes_with_a_request_that_opened_nothing():
    example.closed.clear()
    assert app.test_client().get("/hits").status_code == 200
    assert example.closed == []


def test_g_belongs_to_the_app_context_not_the_request_context():
    # Audit item 32: the request context does not hold g (RequestContext.g removed in 2.2.0).
    with app.test_request_context("/") as request_ctx:
        assert not hasattr(request_ctx, "g")
        assert "g" in vars(AppContext(app))
    with app.app_context():                # no request at all, and g works
        g.user = "ada"
        assert g.user == "ada"


def test_g_is_shared_by_requests_inside_one_outer_app_context_on_flask_3_1():
    assert example.hits_inside_one_outer_app_context() == (
        "first request: {'hits': 1}\nsecond request: {'hits': 2}"
    )


def test_inside_an_outer_app_context_teardown_appcontext_waits_for_the_outer_block():
    example.closed.clear()
    client = app.test_client()
    with app.app_context():
        assert client.get("/db").json["same_connection"] is True
        client.get("/db")
        assert example.closed == []            # not closed after either request
        assert "db" in g                       # the connection is still cached on g
    assert len(example.closed) == 1            # closed once, when the outer block ended


def test_g_attribute_that_was_never_set_raises_attribute_error():
    with app.app_context():
        with pytest.raises(AttributeError, match="^db$"):
            g.db.close()
        assert g.pop("db", None) is None


def test_g_behaves_a_little_like_a_dict():
    with app.app_context():
        assert g.setdefault("user", "ada") == "ada"
        assert g.setdefault("user", "grace") == "ada"
        g.lang = "fr"
        assert "user" in g and sorted(g) == ["lang", "user"]
        assert g.get("missing") is None
        assert g.pop("lang") == "fr" and "lang" not in g
