"""Flask-Limiter 4 on a real Redis: 429 with Retry-After, the three strategies, and the key."""

import pytest
from flask import Flask
from flask_limiter import Limiter

from snippets.extensions.limiter_redis import create_app, user_or_ip
from tests.servers import free_port

ALICE = {"X-API-Key": "key-alice"}


def hit(client, times, **kwargs):
    return [client.get("/search", **kwargs) for _ in range(times)]


def test_fourth_request_gets_429_json_with_retry_after(redis_url, store):
    responses = hit(create_app(redis_url).test_client(), 4, headers=ALICE)
    assert [r.status_code for r in responses] == [200, 200, 200, 429]
    assert [r.headers["X-RateLimit-Remaining"] for r in responses] == ["2", "1", "0", "0"]
    assert all("X-RateLimit-Reset" in r.headers and "Retry-After" in r.headers for r in responses)
    limited = responses[-1]
    assert limited.headers["X-RateLimit-Limit"] == "3"
    assert 0 < int(limited.headers["Retry-After"]) <= 60
    assert limited.json == {
        "error": "rate_limited",
        "message": "Too many requests: the limit is 3 per 1 minute. "
                   "Wait for the number of seconds in Retry-After.",
    }


@pytest.mark.parametrize("strategy, redis_type, key", [
    ("fixed-window", b"string", "LIMITS:LIMITER/user:alice/search/3/1/minute"),
    ("moving-window", b"list", "LIMITS:LIMITER/user:alice/search/3/1/minute"),
    ("sliding-window-counter", b"string", "LIMITS:{LIMITER/user:alice/search/3/1/minute}"),
])
def test_each_strategy_limits_and_stores_its_own_shape(redis_url, store, strategy, redis_type, key):
    responses = hit(create_app(redis_url, strategy).test_client(), 4, headers=ALICE)
    assert [r.status_code for r in responses] == [200, 200, 200, 429]
    assert [k.decode() for k in store.keys()] == [key]
    assert store.type(key) == redis_type
    if strategy == "moving-window":
        assert store.llen(key) == 3  # one timestamp per accepted request
    elif strategy == "fixed-window":
        assert store.get(key) == b"4" and 0 < store.ttl(key) <= 60  # the refused hit counted too
    else:
        assert 60 < store.ttl(key) <= 120  # kept for two windows: current and previous


def test_sliding_window_counter_keeps_the_previous_window_under_a_second_key(redis_url, store):
    client = create_app(redis_url, "sliding-window-counter").test_client()
    hit(client, 2, headers=ALICE)
    current = "LIMITS:{LIMITER/user:alice/search/3/1/minute}"
    store.pexpire(current, 30_000)  # as if the first minute were over: TTL below one window
    assert client.get("/search", headers=ALICE).status_code == 200
    assert sorted(k.decode() for k in store.keys()) == [current, current + "/-1"]
    assert (store.get(current + "/-1"), store.get(current)) == (b"2", b"1")


def test_redis_storage_is_shared_by_every_worker(redis_url, store):
    worker_a, worker_b = create_app(redis_url).test_client(), create_app(redis_url).test_client()
    codes = [c.get("/search", headers=ALICE).status_code for c in (worker_a, worker_b, worker_a, worker_b)]
    assert codes == [200, 200, 200, 429]


def test_memory_storage_counts_per_process():
    worker_a, worker_b = create_app().test_client(), create_app().test_client()
    codes = [r.status_code for c in (worker_a, worker_b) for r in hit(c, 3, headers=ALICE)]
    assert codes == [200] * 6  # two processes, twice the limit


def test_users_have_separate_buckets_and_anonymous_callers_are_keyed_by_ip(redis_url, store):
    client = create_app(redis_url).test_client()
    hit(client, 3, headers=ALICE)
    assert client.get("/search", headers=ALICE).status_code == 429
    bob = client.get("/search", headers={"X-API-Key": "key-bob"})
    assert (bob.status_code, bob.json["caller"]) == (200, "user:bob")
    anonymous = client.get("/search", headers={"X-API-Key": "stolen?"})
    assert (anonymous.status_code, anonymous.json["caller"]) == (200, "ip:127.0.0.1")


PROXY = {"REMOTE_ADDR": "10.0.0.1"}


def test_behind_a_proxy_proxyfix_gives_each_client_its_own_bucket(redis_url, store):
    client = create_app(redis_url).test_client()
    first = hit(client, 4, headers={"X-Forwarded-For": "198.51.100.7"}, environ_base=PROXY)
    assert [r.status_code for r in first] == [200, 200, 200, 429]
    other = client.get("/search", headers={"X-Forwarded-For": "203.0.113.9"}, environ_base=PROXY)
    assert (other.status_code, other.json["caller"]) == (200, "ip:203.0.113.9")


def test_without_proxyfix_every_client_shares_the_proxy_address(redis_url, store):
    client = create_app(redis_url, behind_proxy=False).test_client()
    callers = ["198.51.100.7", "203.0.113.9", "192.0.2.1", "192.0.2.2"]
    responses = [client.get("/search", headers={"X-Forwarded-For": ip}, environ_base=PROXY)
                 for ip in callers]
    assert [r.status_code for r in responses] == [200, 200, 200, 429]  # four people, one bucket
    assert responses[0].json["caller"] == "ip:10.0.0.1"


def test_exempt_and_default_limits(redis_url, store):
    client = create_app(redis_url).test_client()
    health = client.get("/health")
    assert health.status_code == 200 and "X-RateLimit-Limit" not in health.headers
    assert client.get("/articles").headers["X-RateLimit-Limit"] == "200"


def test_key_func_is_required_and_fixed_window_is_the_default_strategy():
    with pytest.raises(TypeError, match="key_func"):
        Limiter()
    limiter = Limiter(key_func=user_or_ip, app=Flask(__name__), storage_uri="memory://")
    assert type(limiter.limiter).__name__ == "FixedWindowRateLimiter"


def test_one_limiter_keeps_the_first_strategy_and_the_last_storage(redis_url):
    limiter = Limiter(key_func=user_or_ip)
    first, second = Flask("first"), Flask("second")
    first.config.update(RATELIMIT_STORAGE_URI="memory://", RATELIMIT_STRATEGY="fixed-window")
    second.config.update(RATELIMIT_STORAGE_URI=redis_url, RATELIMIT_STRATEGY="moving-window")
    limiter.init_app(first)
    limiter.init_app(second)
    assert type(limiter.limiter).__name__ == "FixedWindowRateLimiter"  # the first app's
    assert type(limiter.limiter.storage).__name__ == "RedisStorage"  # the last app's


def test_no_storage_configured_falls_back_to_memory_with_a_warning():
    with pytest.warns(UserWarning, match="Using the in-memory storage"):
        Limiter(key_func=user_or_ip, app=Flask(__name__))


def test_without_configuration_a_429_is_html_with_no_retry_after():
    bare = Flask(__name__)
    limiter = Limiter(key_func=user_or_ip, app=bare, storage_uri="memory://")
    bare.add_url_rule("/x", "x", limiter.limit("1 per minute")(lambda: "ok"))
    client = bare.test_client()
    client.get("/x")
    refused = client.get("/x")
    assert refused.status_code == 429
    assert refused.mimetype == "text/html" and "Retry-After" not in refused.headers
    assert b"1 per 1 minute" in refused.data


@pytest.mark.parametrize("swallow", [False, True])
def test_a_dead_redis_is_a_500_unless_errors_are_swallowed(swallow, caplog):

    bare = Flask(__name__)
    bare.config.update(RATELIMIT_STORAGE_URI=f"redis://127.0.0.1:{free_port()}/0",
                       RATELIMIT_SWALLOW_ERRORS=swallow)
    limiter = Limiter(key_func=user_or_ip, app=bare)
    bare.add_url_rule("/x", "x", limiter.limit("1 per minute")(lambda: "ok"))
    assert bare.test_client().get("/x").status_code == (200 if swallow else 500)


def test_in_memory_fallback_keeps_limiting_while_redis_is_down(caplog):

    bare = Flask(__name__)
    bare.config.update(RATELIMIT_STORAGE_URI=f"redis://127.0.0.1:{free_port()}/0",
                       RATELIMIT_IN_MEMORY_FALLBACK_ENABLED=True)
    limiter = Limiter(key_func=user_or_ip, app=bare)
    bare.add_url_rule("/x", "x", limiter.limit("1 per minute")(lambda: "ok"))
    client = bare.test_client()
    assert [client.get("/x").status_code for _ in range(2)] == [200, 429]
