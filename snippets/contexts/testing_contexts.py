"""Contexts in tests: inspect after a request, call helpers that need request
or current_app."""

from flask import Flask, current_app, g, has_request_context, request, session

# --8<-- [start:app]
app = Flask(__name__)
app.config.update(SECRET_KEY="test only", SHOP_NAME="Corner Shop")


def current_user():
    return request.headers.get("X-User", "anonymous")


def shop_title():
    return current_app.config["SHOP_NAME"].upper()


@app.get("/visit")
def visit():
    g.user = current_user()
    session["visits"] = session.get("visits", 0) + 1
    return f"hello {g.user}"
# --8<-- [end:app]


# These are pytest tests; tests/contexts/test_testing_contexts.py runs them.


# --8<-- [start:with-client]
def test_with_client_keeps_the_last_request():
    with app.test_client() as client:
        client.get("/visit", headers={"X-User": "ada"})
        # The request is over, but its contexts stay pushed until the block
        # ends.
        assert request.path == "/visit"
        assert g.user == "ada"
        assert session["visits"] == 1
    assert not has_request_context()
# --8<-- [end:with-client]


# --8<-- [start:request-context]
def test_helper_that_reads_the_request():
    with app.test_request_context("/anything", headers={"X-User": "grace"}):
        assert current_user() == "grace"
# --8<-- [end:request-context]


# --8<-- [start:app-context]
def test_helper_that_needs_current_app():
    with app.app_context():
        assert shop_title() == "CORNER SHOP"
# --8<-- [end:app-context]
