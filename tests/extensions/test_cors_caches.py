"""Flask-CORS 6 behind a cache: when Vary: Origin is sent, and which headers scripts may read."""

import pytest

from snippets.extensions.cors_caches import fixed, one_origin, poisoned, two_origins, with_vary

APP, ADMIN, OTHER = "https://app.example.com", "https://admin.example.com", "https://evil.example"


def get(app, origin=None):
    return app.test_client().get("/api/orders", headers={"Origin": origin} if origin else {})


def test_one_origin_never_sends_vary_although_the_answer_depends_on_origin():
    allowed, refused = get(one_origin, APP), get(one_origin, OTHER)
    assert allowed.headers["Access-Control-Allow-Origin"] == APP
    assert "Access-Control-Allow-Origin" not in refused.headers
    assert "Vary" not in allowed.headers and "Vary" not in refused.headers


def test_two_origins_send_vary_but_only_to_an_allowed_origin():
    assert get(two_origins, APP).headers["Vary"] == "Origin"
    assert get(two_origins, ADMIN).headers["Access-Control-Allow-Origin"] == ADMIN
    assert "Vary" not in get(two_origins, OTHER).headers  # the refusal can still be cached for all


def test_without_an_origin_header_the_configured_origin_is_sent_anyway():
    assert get(one_origin).headers["Access-Control-Allow-Origin"] == APP  # always_send=True
    assert "Vary" not in get(one_origin).headers


@pytest.mark.parametrize("origin", [None, APP, OTHER])
def test_the_after_request_hook_adds_vary_to_every_api_answer(origin):
    assert get(fixed, origin).headers["Vary"] == "Origin"


def test_a_shared_cache_serves_the_refusal_to_the_real_front_end():
    assert poisoned().splitlines()[1] == (
        f"Origin {APP:25} <- cache Allow-Origin: (none: the browser blocks it)")


def test_with_vary_the_cache_keeps_one_copy_per_origin():
    lines = with_vary().splitlines()
    assert lines[1] == f"Origin {APP:25} <- app   Allow-Origin: {APP}"
    assert lines[2] == f"Origin {APP:25} <- cache Allow-Origin: {APP}"


def test_expose_headers_lists_what_scripts_may_read():
    listed = get(one_origin, APP).headers["Access-Control-Expose-Headers"]
    assert listed == "Location, X-Total-Count"
    created = one_origin.test_client().post("/api/orders", headers={"Origin": APP})
    assert created.status_code == 201 and created.headers["Location"] == "/api/orders/2"
    assert created.headers["Access-Control-Expose-Headers"] == listed


def test_without_expose_headers_none_is_sent():
    from flask import Flask
    from flask_cors import CORS

    plain = Flask(__name__)
    CORS(plain, origins=[APP])
    plain.get("/x")(lambda: ("", 204, {"X-Total-Count": "0"}))
    assert "Access-Control-Expose-Headers" not in plain.test_client().get("/x", headers={"Origin": APP}).headers
