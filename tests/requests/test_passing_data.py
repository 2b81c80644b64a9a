from flask import flash, g, get_flashed_messages, redirect, session
from werkzeug.test import encode_multipart

from snippets.requests.passing_data import app, g_between_requests


def test_path_parameter_names_the_resource():
    client = app.test_client()
    assert client.get("/products/2").get_json() == {"id": 2, "name": "notebook", "shopper": "guest"}
    assert client.get("/products/99").status_code == 404
    assert client.get("/products/pen").status_code == 404  # the int converter does not match


def test_query_parameters_refine_the_listing():
    client = app.test_client()
    assert client.get("/products").get_json() == {"names": ["pen", "notebook", "stapler"]}
    assert client.get("/products?starts_with=s&limit=5").get_json() == {"names": ["stapler"]}
    assert client.get("/products?limit=1").get_json() == {"names": ["pen"]}


def test_form_post_redirects_with_url_for_and_a_query_argument():
    client = app.test_client()
    response = client.post("/cart", data={"product_id": "3"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/cart?added=3"
    followed = client.get(response.headers["Location"])
    assert followed.get_json() == {"shopper": "guest", "cart": ["stapler"], "just_added": 3}


def test_session_carries_data_across_requests_and_g_does_not():
    client = app.test_client()
    login = client.post("/login", data={"name": "ada"}, follow_redirects=True)
    assert login.get_json() == {"shopper": "ada", "cart": [], "just_added": None}
    client.post("/cart", data={"product_id": "1"})
    client.post("/cart", data={"product_id": "2"})
    assert client.get("/cart").get_json()["cart"] == ["pen", "notebook"]
    with app.test_request_context("/cart"):
        assert "shopper" not in g  # a fresh request starts with an empty g


def test_bad_form_value_is_a_400():
    client = app.test_client()
    assert client.post("/cart", data={"product_id": "42"}).status_code == 400
    assert client.post("/cart", data={}).status_code == 400


def test_json_body_replaces_the_cart():
    client = app.test_client()
    response = client.put("/cart", json={"product_ids": [3, 1, 99]})
    assert response.get_json() == {"cart": ["stapler", "pen"]}
    assert client.get("/cart").get_json()["cart"] == ["stapler", "pen"]
    assert client.put("/cart", data="x").get_json() == {"cart": []}


def test_following_the_302_after_a_post_uses_get():
    response = app.test_client().post("/cart", data={"product_id": "1"}, follow_redirects=True)
    assert [r.status_code for r in response.history] == [302]
    assert response.request.method == "GET"
    assert response.request.full_path == "/cart?added=1"


def test_redirect_codes_and_flash_lives_in_the_session():
    with app.test_request_context("/"):
        assert redirect("/cart").status_code == 302
        assert redirect("/cart", code=307).status_code == 307
        flash("Added to cart")
        assert session["_flashes"] == [("message", "Added to cart")]
        assert get_flashed_messages() == ["Added to cart"]
        assert "_flashes" not in session


def test_requests_inside_an_outer_app_context_share_g_on_flask_3_1():
    # flask/ctx.py RequestContext.push reuses an app context already pushed for the same app.
    # Flask 3.2 gives every request its own (CHANGES: issue 5639).
    assert g_between_requests().splitlines() == [
        "two requests:                          hits [1, 1]",
        "two requests inside app.app_context(): hits [1, 2]",
    ]


def test_the_outer_context_also_postpones_teardown_appcontext():
    closed = []
    app.teardown_appcontext_funcs.append(lambda error: closed.append("closed"))
    try:
        client = app.test_client()
        client.get("/g-counter")
        assert closed == ["closed"]  # normally: at the end of each request
        with app.app_context():
            client.get("/g-counter")
            assert closed == ["closed"]  # not yet: the request did not own the context
        assert closed == ["closed", "closed"]
    finally:
        app.teardown_appcontext_funcs.pop()


def test_body_limits_exist_by_default_for_multipart_only():
    # Flask 3.1 defaults: MAX_FORM_MEMORY_SIZE 500 kB and MAX_FORM_PARTS 1 000 apply to
    # multipart; url-encoded and JSON bodies are bounded only by MAX_CONTENT_LENGTH (None).
    assert app.config["MAX_CONTENT_LENGTH"] is None
    client = app.test_client()
    name = "a" * 600_000
    # Encoded in memory: the test client would spool a big body to an unclosed temp file.
    boundary, body = encode_multipart({"name": name})
    multipart = f"multipart/form-data; boundary={boundary}"
    assert client.post("/login", data=body, content_type=multipart).status_code == 413
    assert client.post("/login", data={"name": name}).status_code == 302  # url-encoded
    assert client.put("/cart", json={"product_ids": [1] * 200_000}).status_code == 200
