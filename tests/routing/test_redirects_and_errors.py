from snippets.routing import abort_errors, redirects

client = redirects.app.test_client()


def test_redirect_defaults_to_302_in_flask_3_1():
    response = client.get("/news")
    assert response.status_code == 302
    assert response.headers["Location"] == "/blog"  # relative: Werkzeug no longer makes it absolute


def test_permanent_redirect():
    response = client.get("/weblog")
    assert response.status_code == 301
    assert response.headers["Location"] == "/blog"


def test_post_redirect_get_with_303():
    response = client.post("/orders")
    assert response.status_code == 303
    location = response.headers["Location"]
    assert location.startswith("/orders/")
    followed = client.post("/orders", follow_redirects=True)
    assert followed.request.method == "GET"
    assert followed.json["status"] == "new"
    assert [r.status_code for r in followed.history] == [303]
    assert client.get("/blog").text == "the blog"


def test_abort_with_description_reaches_the_json_404_handler():
    errors = abort_errors.app.test_client()
    assert errors.get("/documents/roadmap").text == "Q3 plans"
    response = errors.get("/documents/budget")
    assert response.status_code == 404
    assert response.json == {"error": "not found", "detail": "No document named 'budget'."}


def test_unmatched_url_uses_the_same_404_handler():
    response = abort_errors.app.test_client().get("/no/such/page")
    assert response.status_code == 404
    assert response.json["error"] == "not found"


def test_abort_400_without_a_handler_is_html():
    response = abort_errors.app.test_client().get("/documents/roadmap?format=pdf")
    assert response.status_code == 400
    assert response.mimetype == "text/html"
    assert "Only format=text is supported." in response.text


def test_abort_with_a_response_object():
    response = abort_errors.app.test_client().get("/admin")
    assert response.status_code == 403
    assert response.json == {"error": "admins only"}


def test_error_handler_that_omits_the_status_answers_200():
    from flask import Flask

    scratch = Flask(__name__)
    scratch.register_error_handler(404, lambda error: {"error": "not found"})
    assert scratch.test_client().get("/missing").status_code == 200
