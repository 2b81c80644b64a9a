"""Flask-JWT-Extended with a real Redis: the jti blocklist, its TTLs, rotation and reuse detection."""

import pytest
from flask_jwt_extended import decode_token

from snippets.extensions.jwt_revocation import DictStore, create_app, walkthrough


@pytest.fixture
def app(redis_url, store):
    return create_app(redis_url)


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def payload(app, token):
    with app.app_context():
        return decode_token(token)


def test_logout_puts_the_jti_in_redis_for_the_rest_of_the_tokens_life(app, store):
    client = app.test_client()
    tokens = client.post("/login").json
    assert client.get("/me", headers=bearer(tokens["access_token"])).status_code == 200
    assert client.post("/logout", headers=bearer(tokens["access_token"])).json == {"revoked": "access"}
    jti = payload(app, tokens["access_token"])["jti"]
    assert store.get(f"revoked:{jti}") == b"logout"
    assert 14 * 60 < store.ttl(f"revoked:{jti}") <= 15 * 60  # gone from Redis when the token expires
    refused = client.get("/me", headers=bearer(tokens["access_token"]))
    assert (refused.status_code, refused.json) == (401, {"msg": "Token has been revoked"})


def test_logout_with_the_refresh_token_revokes_it_for_30_days(app, store):
    client = app.test_client()
    refresh = client.post("/login").json["refresh_token"]
    assert client.post("/logout", headers=bearer(refresh)).json == {"revoked": "refresh"}
    assert 29 * 86400 < store.ttl(f"revoked:{payload(app, refresh)['jti']}") <= 30 * 86400
    assert client.post("/refresh", headers=bearer(refresh)).status_code == 401


def test_each_refresh_rotates_and_marks_the_old_token_used(app, store):
    client = app.test_client()
    old = client.post("/login").json["refresh_token"]
    new = client.post("/refresh", headers=bearer(old)).json
    assert set(new) == {"access_token", "refresh_token"} and new["refresh_token"] != old
    assert payload(app, new["refresh_token"])["family"] == payload(app, old)["family"]
    assert store.exists(f"used:{payload(app, old)['jti']}")
    newer = client.post("/refresh", headers=bearer(new["refresh_token"]))
    assert newer.status_code == 200


def test_a_replayed_refresh_token_revokes_the_whole_family(app, store):
    client = app.test_client()
    stolen = client.post("/login").json["refresh_token"]
    other_login = client.post("/login").json
    rotated = client.post("/refresh", headers=bearer(stolen)).json
    replay = client.post("/refresh", headers=bearer(stolen))
    assert (replay.status_code, replay.json["error"]) == (401, "token_reused")
    family = payload(app, stolen)["family"]
    assert store.get(f"family-revoked:{family}") == b"reuse"
    assert 29 * 86400 < store.ttl(f"family-revoked:{family}") <= 30 * 86400
    for token, path in ((rotated["refresh_token"], "/refresh"), (rotated["access_token"], "/me")):
        response = client.open(path, method="POST" if path == "/refresh" else "GET", headers=bearer(token))
        assert (response.status_code, response.json) == (401, {"msg": "Token has been revoked"})
    assert client.get("/me", headers=bearer(other_login["access_token"])).status_code == 200  # other logins live


def test_two_refreshes_at_once_let_only_one_through(app, store):
    """SET NX is atomic: of two uses of one token, exactly one is first."""
    import threading

    stolen = app.test_client().post("/login").json["refresh_token"]
    start, codes = threading.Barrier(2, timeout=10), []

    def use():
        start.wait()
        codes.append(app.test_client().post("/refresh", headers=bearer(stolen)).status_code)

    threads = [threading.Thread(target=use) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert sorted(codes) == [200, 401]


def test_the_walkthrough_on_redis_matches_the_page(app):
    lines = walkthrough(app).splitlines()
    assert lines[2] == "GET /me      -> 401 {'msg': 'Token has been revoked'}"
    assert lines[5] == "POST /refresh -> 401 {'error': 'token_reused', 'message': 'Log in again.'}"
    assert lines[-1] == "GET /me      -> 401 {'msg': 'Token has been revoked'}"
    assert walkthrough() == "\n".join(lines)  # the build's dict store gives the same output


def test_the_build_store_behaves_like_set_nx_and_exists():
    store = DictStore()
    assert store.set("a", "1", ex=5, nx=True) is True
    assert store.set("a", "2", nx=True) is None
    assert store.exists("a", "b") == 1
