"""Flask-CORS 6: preflight, allowed and refused origins, credentials and the wildcard."""

import pytest
from flask import Flask
from flask_cors import CORS

from snippets.extensions.cors_api import app, careless, create_app

FRONT_END = "https://app.example.com"
EVIL = "https://evil.example"


def preflight(client, method, headers="", origin=FRONT_END, path="/api/orders/1"):
    request_headers = {"Origin": origin, "Access-Control-Request-Method": method}
    if headers:
        request_headers["Access-Control-Request-Headers"] = headers
    return client.options(path, headers=request_headers)


def test_preflight_from_the_allowed_origin_gets_origin_methods_headers_and_max_age():
    response = preflight(app.test_client(), "DELETE", "Authorization")
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == FRONT_END
    assert response.headers["Access-Control-Allow-Methods"] == "DELETE, GET, POST"
    assert response.headers["Access-Control-Allow-Headers"] == "Authorization"
    assert response.headers["Access-Control-Allow-Credentials"] == "true"
    assert response.headers["Access-Control-Max-Age"] == "600"


def test_preflight_echoes_only_the_allowed_request_headers():
    response = preflight(app.test_client(), "DELETE", "Authorization, X-Debug")
    assert response.headers["Access-Control-Allow-Headers"] == "Authorization"


def test_preflight_for_a_method_not_allowed_gets_no_allow_methods():
    response = preflight(app.test_client(), "PUT")
    assert "Access-Control-Allow-Methods" not in response.headers


def test_simple_request_from_the_allowed_origin_is_readable():
    response = app.test_client().get("/api/orders", headers={"Origin": FRONT_END})
    assert response.headers["Access-Control-Allow-Origin"] == FRONT_END
    assert response.json == {"orders": [{"id": 1, "total": 12.5}]}


def test_disallowed_origin_gets_no_cors_headers_but_the_view_still_ran():
    for response in (app.test_client().get("/api/orders", headers={"Origin": EVIL}),
                     preflight(app.test_client(), "DELETE", "Authorization", origin=EVIL)):
        assert not [name for name, _ in response.headers if name.startswith("Access-Control-")]
    response = app.test_client().get("/api/orders", headers={"Origin": EVIL})
    assert response.status_code == 200 and response.json["orders"]  # CORS is not access control


def test_paths_outside_the_resource_pattern_get_no_cors_headers():
    response = app.test_client().get("/admin/stats", headers={"Origin": FRONT_END})
    assert "Access-Control-Allow-Origin" not in response.headers


def test_path_matching_is_case_sensitive_since_flask_cors_6():
    response = app.test_client().get("/API/orders", headers={"Origin": FRONT_END})
    assert response.status_code == 404
    assert "Access-Control-Allow-Origin" not in response.headers  # 5.x matched /api/* here


def test_without_origin_always_send_names_the_configured_origin():
    response = app.test_client().get("/api/orders")  # curl, a server, a same-origin page
    assert response.headers["Access-Control-Allow-Origin"] == FRONT_END


def test_wildcard_with_credentials_reflects_any_origin():
    response = careless.test_client().get("/api/orders", headers={"Origin": EVIL})
    assert response.headers["Access-Control-Allow-Origin"] == EVIL  # not "*": echoed
    assert response.headers["Access-Control-Allow-Credentials"] == "true"
    assert response.headers["Vary"] == "Origin"


def test_wildcard_without_credentials_and_send_wildcard_sends_a_literal_star():
    plain = Flask(__name__)
    CORS(plain, origins="*", send_wildcard=True)
    plain.add_url_rule("/x", "x", lambda: "ok")
    response = plain.test_client().get("/x", headers={"Origin": EVIL})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response.headers


def test_a_literal_star_with_credentials_is_refused_at_startup():
    with pytest.raises(ValueError, match="Cannot use supports_credentials"):
        CORS(Flask(__name__), origins="*", supports_credentials=True, send_wildcard=True)


def test_without_credentials_no_allow_credentials_header():
    client = create_app(credentials=False).test_client()
    response = client.get("/api/orders", headers={"Origin": FRONT_END})
    assert response.headers["Access-Control-Allow-Origin"] == FRONT_END
    assert "Access-Control-Allow-Credentials" not in response.headers
    assert client.delete("/api/orders/1", headers={"Origin": FRONT_END}).status_code == 204


def test_bare_cors_app_allows_every_origin_on_every_path():
    plain = Flask(__name__)
    CORS(plain)
    plain.add_url_rule("/anything/here", "x", lambda: "ok")
    response = plain.test_client().get("/anything/here", headers={"Origin": EVIL})
    assert response.headers["Access-Control-Allow-Origin"] == EVIL


def test_flask_answers_the_preflight_with_its_automatic_options():
    response = preflight(app.test_client(), "DELETE")
    assert {m.strip() for m in response.headers["Allow"].split(",")} == {"OPTIONS", "DELETE"}
    assert response.data == b""
