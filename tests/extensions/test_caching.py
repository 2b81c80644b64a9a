"""Flask-Caching 2.5 against a real Redis: what is cached, under which key, and how it goes away."""

import hashlib
import logging

import pytest
import redis
from flask import Flask, abort, request
from flask_caching import Cache

from snippets.extensions.caching_redis import cache, create_app, price_with_tax
from tests.servers import free_port


@pytest.fixture
def app(redis_url, store):
    return create_app(redis_url)


def keys(store):
    return sorted(key.decode() for key in store.keys())


def test_cached_view_is_stored_in_redis_under_view_slash_path(app, store):
    client = app.test_client()
    first, second = client.get("/products/1"), client.get("/products/1")
    assert first.json == second.json == {"id": 1, "name": "pen", "price": 2.5, "db_reads": 1}
    assert app.extensions["db_reads"] == 1  # the second request never reached the view
    assert keys(store) == ["shop:view//products/1"]
    assert 0 < store.ttl("shop:view//products/1") <= 60
    assert store.get("shop:view//products/1").startswith(b"!\x80")  # "!" + a pickle


def test_query_string_is_ignored_unless_asked_for(app, store):
    client = app.test_client()
    client.get("/products/1")
    assert client.get("/products/1?fields=name").json["db_reads"] == 1  # same cached answer
    assert keys(store) == ["shop:view//products/1"]


def test_errors_are_not_cached_thanks_to_the_response_filter(app, store):
    client = app.test_client()
    response = client.get("/products/9")
    assert response.status_code == 404
    assert response.json == {"error": "not_found", "message": "No product 9."}
    assert keys(store) == []


def test_without_a_filter_an_abort_is_cached_too(redis_url, store):
    plain = Flask(__name__)
    plain.config.update(CACHE_TYPE="RedisCache", CACHE_REDIS_URL=redis_url)
    cache, calls = Cache(plain), []

    @plain.get("/item/<int:n>")
    @cache.cached()
    def item(n):
        calls.append(n)
        abort(404)

    client = plain.test_client()
    assert client.get("/item/1").status_code == client.get("/item/1").status_code == 404
    assert calls == [1]  # since 2.5.0 the NotFound itself is cached and re-raised
    assert keys(store) == ["flask_cache_view//item/1"]  # the default key prefix


def test_memoize_keys_hash_the_arguments_and_end_with_the_function_version(app, store):
    client = app.test_client()
    assert client.get("/products/1/price?country=FR").json["price"] == 3.0
    assert client.get("/products/1/price?country=FR").json["price"] == 3.0
    assert client.get("/products/1/price").json == {"id": 1, "country": "DE", "price": 2.97}
    assert app.extensions["db_reads"] == 2  # FR once, DE once
    with app.app_context():
        version = cache.get("snippets.extensions.caching_redis.price_with_tax_memver")
    entries = [k for k in keys(store) if not k.endswith("_memver")]
    assert len(entries) == 2 and len(keys(store)) == 3
    assert all(k.startswith("shop:") and k.endswith(version) for k in entries)


def test_bad_input_is_a_clear_error_and_leaves_the_cache_alone(app, store):
    client = app.test_client()
    client.get("/products/1")
    for body in ({"price": "free"}, {"price": -1}, {"price": True}, {}):
        response = client.put("/products/1/price", json=body)
        assert response.status_code == 422
        assert response.json == {"error": "invalid_price",
                                 "message": "price must be a positive number"}
    assert client.put("/products/7/price", json={"price": 1}).status_code == 404
    assert client.get("/products/1/price?country=XX").status_code == 404
    assert keys(store) == ["shop:view//products/1"]


def test_an_update_deletes_the_view_and_the_memoized_entries(app, store):
    client = app.test_client()
    client.get("/products/1")
    client.get("/products/1/price?country=FR")
    client.get("/products/1/price?country=DE")
    assert len(keys(store)) == 4
    assert client.put("/products/1/price", json={"price": 3}).json == {"id": 1, "price": 3}
    assert keys(store) == ["shop:snippets.extensions.caching_redis.price_with_tax_memver"]
    assert client.get("/products/1").json["price"] == 3
    assert client.get("/products/1/price?country=FR").json["price"] == 3.6


def test_delete_memoized_without_arguments_drops_every_entry_by_bumping_the_version(app, store):
    client = app.test_client()
    client.get("/products/1/price?country=FR")
    memver = "shop:snippets.extensions.caching_redis.price_with_tax_memver"
    before = store.get(memver)
    with app.app_context():
        cache.delete_memoized(price_with_tax)
    assert store.get(memver) != before
    reads = app.extensions["db_reads"]
    client.get("/products/1/price?country=FR")
    assert app.extensions["db_reads"] == reads + 1


def test_a_dead_redis_fails_open_and_logs(caplog):
    app = create_app(f"redis://127.0.0.1:{free_port()}/0")  # nothing listens there
    with caplog.at_level(logging.ERROR, logger="flask_caching"):
        response = app.test_client().get("/products/2")
    assert response.status_code == 200 and response.json["name"] == "ink"
    assert "Exception possibly due to cache backend." in caplog.text


def test_without_redis_the_build_uses_simplecache():
    app = create_app()
    client = app.test_client()
    assert client.get("/products/2").json["db_reads"] == client.get("/products/2").json["db_reads"]
    assert type(app.extensions["cache"][cache]).__name__ == "SimpleCache"


def test_forgetting_cache_type_gives_nullcache_and_a_warning():
    with pytest.warns(UserWarning, match="CACHE_TYPE is set to NullCache"):
        Cache(Flask(__name__))


def test_in_debug_mode_a_dead_redis_raises_instead():
    app = create_app(f"redis://127.0.0.1:{free_port()}/0")
    app.debug = True
    with pytest.raises(redis.exceptions.ConnectionError):
        app.test_client().get("/products/2")


def test_query_string_true_keys_on_the_sorted_arguments_with_sha256(redis_url, store):
    plain = Flask(__name__)
    plain.config.update(CACHE_TYPE="RedisCache", CACHE_REDIS_URL=redis_url)
    cache_ = Cache(plain)
    assert cache_.hash_method is hashlib.sha256  # md5 before 2.5.0

    @plain.get("/search")
    @cache_.cached(query_string=True)
    def search():
        return {"args": dict(request.args)}

    client = plain.test_client()
    client.get("/search?q=pen&page=1")
    client.get("/search?page=1&q=pen")  # same arguments, other order: same key
    client.get("/search?q=pen&page=2")
    assert len(keys(store)) == 2
