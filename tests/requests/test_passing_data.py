from flask import flash, g, get_flashed_messages, redirect, session

from snippets.requests.passing_data import app


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
