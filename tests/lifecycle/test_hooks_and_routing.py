"""before_request runs for 404s, 405s, automatic OPTIONS and /static; the exemptions that fix it."""

from flask import Flask, request

from snippets.lifecycle.hooks_and_routing import FRONT_END, exempt, naive, what_the_hook_sees

PREFLIGHT = {"Origin": FRONT_END, "Access-Control-Request-Method": "DELETE",
             "Access-Control-Request-Headers": "X-API-Key"}
NO_VIEW = [("GET", "/nope", {}), ("POST", "/orders", {}), ("OPTIONS", "/orders", PREFLIGHT),
           ("GET", "/static/app.css", {})]


def status(app, method, path, headers=None):
    response = app.test_client().open(path, method=method, headers=headers or {})
    response.close()
    return response


def test_the_naive_hook_answers_401_to_requests_no_view_would_answer():
    for method, path, headers in NO_VIEW:
        response = status(naive, method, path, headers)
        assert response.status_code == 401, (method, path)
        assert response.json == {"error": "missing or wrong API key"}


def test_a_preflight_that_gets_401_still_carries_the_cors_headers():
    response = status(naive, "OPTIONS", "/orders", PREFLIGHT)
    assert response.status_code == 401    # a browser fails any preflight that is not 2xx
    assert response.headers["Access-Control-Allow-Origin"] == FRONT_END
    assert response.headers["Access-Control-Allow-Headers"] == "X-API-Key"


def test_the_exemptions_let_the_router_static_and_preflight_through():
    assert status(exempt, "GET", "/nope").status_code == 404
    response = status(exempt, "POST", "/orders")
    assert response.status_code == 405
    assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "DELETE", "OPTIONS"}
    response = status(exempt, "OPTIONS", "/orders", PREFLIGHT)
    assert response.status_code == 200 and response.data == b""
    assert response.headers["Access-Control-Allow-Origin"] == FRONT_END
    response = status(exempt, "GET", "/static/app.css")
    assert response.status_code == 200 and response.mimetype == "text/css"


def test_the_views_are_still_protected():
    for app in (naive, exempt):
        assert status(app, "GET", "/orders").status_code == 401
        assert status(app, "DELETE", "/orders", {"X-API-Key": "demo-key"}).json == {"orders": [1, 2]}


def test_what_the_hook_sees():
    assert what_the_hook_sees().splitlines() == [
        "request                endpoint   routing_exception",
        "GET /orders            orders     None",
        "GET /nope              None       NotFound (404)",
        "POST /orders           None       MethodNotAllowed (405)",
        "OPTIONS /orders        orders     None",
        "GET /static/app.css    static     None",
    ]


def test_an_explicit_options_view_is_not_exempted():
    """A view that handles OPTIONS itself has provide_automatic_options False: the key is checked."""
    app = Flask(__name__)
    app.before_request(exempt.before_request_funcs[None][0])

    @app.route("/custom", methods=["OPTIONS"])
    def custom():
        return "the view ran"

    assert app.url_map._rules_by_endpoint["custom"][0].provide_automatic_options is False
    assert app.test_client().options("/custom").status_code == 401


def test_automatic_options_runs_no_view():
    ran = []
    app = Flask(__name__)

    @app.get("/x")
    def x():
        ran.append(request.method)
        return "x"

    assert app.test_client().options("/x").status_code == 200
    assert ran == []
