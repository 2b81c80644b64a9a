import pytest
from flask import Flask, Response, abort
from werkzeug.exceptions import HTTPException

from snippets.requests import error_pages, error_pages_seed, errors
from snippets.requests.server_errors import create_app


def test_seed_404_handler_answers_200():
    response = error_pages_seed.app.test_client().get("/no-such-page")
    assert response.status_code == 200  # the bug
    assert "<h1>Nothing at /no-such-page</h1>" in response.text


def test_seed_error404_route_is_a_name_error_so_500():
    response = error_pages_seed.app.test_client().get("/error404")
    assert response.status_code == 500
    assert response.text == "<h1>Something went wrong</h1>"


def test_seed_name_error_is_visible_in_testing(monkeypatch):
    monkeypatch.setitem(error_pages_seed.app.config, "TESTING", True)
    with pytest.raises(NameError, match="abort"):
        error_pages_seed.app.test_client().get("/error404")


def test_seed_error500_shows_the_page_in_production_but_raises_in_debug(monkeypatch):
    response = error_pages_seed.app.test_client().get("/error500")
    assert (response.status_code, response.text) == (500, "<h1>Something went wrong</h1>")
    monkeypatch.setitem(error_pages_seed.app.config, "DEBUG", True)
    with pytest.raises(NameError):  # what the debugger would show
        error_pages_seed.app.test_client().get("/error500")


def test_fixed_error500_uses_the_handler_even_in_debug(monkeypatch):
    monkeypatch.setitem(error_pages.app.config, "DEBUG", True)
    response = error_pages.app.test_client().get("/error500")
    assert (response.status_code, response.text) == (500, "<h1>Something went wrong</h1>")


def test_fixed_handler_keeps_404():
    client = error_pages.app.test_client()
    for path in ("/no-such-page", "/error404"):
        response = client.get(path)
        assert response.status_code == 404
        assert f"<h1>Nothing at {path}</h1>" in response.text
        assert '<a href="/">' in response.text
    assert client.get("/").text == "start page"
    assert error_pages_seed.app.test_client().get("/").text == "start page"


def test_abort_with_description_in_json():
    client = errors.app.test_client()
    assert client.get("/orders/1").get_json() == {"id": 1, "sku": "pen", "status": "open"}
    response = client.get("/orders/7")
    assert response.status_code == 404
    assert response.content_type == "application/json"
    assert response.get_json() == {"error": "Not Found", "status": 404, "detail": "no order 7"}


def test_json_handler_keeps_404_and_405_with_allow():
    client = errors.app.test_client()
    missing = client.get("/nowhere")
    assert (missing.status_code, missing.get_json()["error"]) == (404, "Not Found")
    wrong_method = client.delete("/orders/1")
    assert wrong_method.status_code == 405
    assert set(wrong_method.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    assert wrong_method.get_json()["error"] == "Method Not Allowed"
    assert wrong_method.content_type == "application/json"


def test_exception_class_handler():
    client = errors.app.test_client()
    response = client.post("/orders/1/ship")
    assert (response.status_code, response.get_json()) == (409, {"error": "out_of_stock", "sku": "pen"})
    assert client.post("/orders/9/ship").status_code == 404


def test_500_handler_runs_in_production_mode():
    response = create_app().test_client().get("/crash")
    assert response.status_code == 500
    assert response.get_json() == {"error": "internal", "cause": "ZeroDivisionError"}


@pytest.mark.parametrize("config", [{"DEBUG": True}, {"TESTING": True}, {"PROPAGATE_EXCEPTIONS": True}])
def test_unhandled_exception_propagates_in_debug_and_testing(config):
    with pytest.raises(ZeroDivisionError):
        create_app(**config).test_client().get("/crash")


def test_propagate_false_restores_the_handler_in_tests():
    app = create_app(TESTING=True, PROPAGATE_EXCEPTIONS=False)
    assert app.test_client().get("/crash").get_json()["cause"] == "ZeroDivisionError"


def test_abort_500_uses_the_handler_even_in_debug():
    response = create_app(DEBUG=True).test_client().get("/abort-500")
    assert response.status_code == 500
    assert response.get_json() == {"error": "internal", "cause": None}


def test_exception_class_handler_runs_in_debug_too(monkeypatch):
    monkeypatch.setitem(errors.app.config, "DEBUG", True)
    assert errors.app.test_client().post("/orders/1/ship").status_code == 409


def test_routing_redirects_bypass_the_json_handler():
    client = errors.app.test_client()
    response = client.get("/orders")
    assert response.status_code == 308
    assert response.headers["Location"] == "http://localhost/orders/"
    assert response.content_type == "text/html; charset=utf-8"
    assert client.get("/orders/").get_json() == [{"id": 1, "sku": "pen", "status": "open"}]


def test_a_careless_exception_handler_turns_404_into_500():
    app = Flask(__name__)

    @app.errorhandler(Exception)
    def everything(error):
        return {"error": "internal"}, 500

    assert app.test_client().get("/missing").status_code == 500


def test_abort_with_a_response_sends_it():
    with pytest.raises(HTTPException) as caught:
        abort(Response("teapot", 418))
    assert caught.value.get_response().status_code == 418


def test_unhandled_exception_is_logged(caplog):
    create_app().test_client().get("/crash")
    assert "Exception on /crash [GET]" in caplog.text
    assert "ZeroDivisionError" in caplog.text
