from flask import request

from snippets.requests.content_negotiation import app, best_matches

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def get(path, accept=None):
    return app.test_client().get(path, headers={"Accept": accept} if accept is not None else {})


def test_a_browser_gets_html_and_an_api_client_json():
    page = get("/orders/1", BROWSER)
    assert page.mimetype == "text/html" and "<h1>Order 1</h1>" in page.text
    api = get("/orders/1", "application/json")
    assert api.mimetype == "application/json" and api.get_json()["status"] == "shipped"


def test_every_representation_says_vary_accept():
    for accept in (BROWSER, "application/json", "*/*", None):
        assert get("/orders/1", accept).headers["Vary"] == "Accept"


def test_no_accept_header_and_wildcards_get_the_first_offer():
    assert get("/orders/1").mimetype == "application/json"  # no header at all
    assert get("/orders/1", "*/*").mimetype == "application/json"
    assert get("/orders/1", "text/*").mimetype == "text/html"
    # equal quality: the server's order decides, not the client's
    assert get("/orders/1", "text/html;q=0.5, application/json;q=0.5").mimetype == "application/json"
    assert get("/orders/1", "application/json, text/html;q=0.9").mimetype == "application/json"


def test_nothing_acceptable_is_406_and_q0_means_no():
    assert get("/orders/1", "image/png").status_code == 406
    assert get("/orders/1", "application/json;q=0").status_code == 406
    assert get("/orders/2", "application/json").status_code == 404


def test_best_match_says_none_without_an_accept_header():
    with app.test_request_context():
        assert not request.accept_mimetypes
        assert request.accept_mimetypes.best_match(["application/json"]) is None
        assert request.accept_mimetypes.best_match(["application/json"], default="x") == "x"


def test_accept_json_is_not_a_negotiation():
    assert get("/naive/orders/1", "application/json;q=0").mimetype == "application/json"
    assert get("/naive/orders/1", BROWSER).mimetype == "application/json"  # via */*;q=0.8
    assert get("/naive/orders/1", "text/html").mimetype == "text/html"
    assert get("/naive/orders/2").status_code == 404
    assert "Vary" not in get("/naive/orders/1").headers


def test_the_table_of_best_matches():
    lines = best_matches().splitlines()
    assert lines[0].split()[1:] == ["best_match=None", "accept_json=False"]
    assert "best_match=text/html" in lines[2] and "accept_json=True" in lines[2]
    assert lines[-1].endswith("best_match=None               accept_json=True")


def test_accept_languages_falls_back_to_the_primary_tag():
    with app.test_request_context(headers={"Accept-Language": "en-GB,de;q=0.5"}):
        assert request.accept_languages.best_match(["fr", "en"]) == "en"
        assert request.accept_languages.best_match(["fr", "de"]) == "de"


def test_is_json_describes_the_request_body_not_what_the_client_accepts():
    with app.test_request_context(headers={"Accept": "application/json"}):
        assert request.is_json is False
