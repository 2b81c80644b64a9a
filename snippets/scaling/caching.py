"""Flask-Caching on Redis: a cached view and a memoized function, shared by
every process.

tests/scaling/test_caching.py runs two_instances_one_cache() on a real Redis and
compares it with the transcript in caching_demo.txt, which the page shows
(FFG_RECORD=1 rewrites it).
"""

import os
from collections import Counter

import redis

from flask import Blueprint, Flask
from flask_caching import Cache

cache = Cache()
bp = Blueprint("shop", __name__)
calls = Counter()  # how often the expensive code really ran, in this process


# --8<-- [start:config]
def create_app(redis_url=None):
    app = Flask(__name__)
    app.config.from_mapping(
        CACHE_TYPE="RedisCache",  # one cache for all workers and instances
        CACHE_REDIS_URL=redis_url or os.environ["REDIS_URL"],
        CACHE_KEY_PREFIX="shop:",  # several apps can share one Redis
        CACHE_DEFAULT_TIMEOUT=300,
    )
    cache.init_app(app)
    app.register_blueprint(bp)
    return app
# --8<-- [end:config]


# --8<-- [start:memoize]
@cache.memoize(timeout=60)  # the key includes the arguments
def exchange_rate(currency):
    # stands in for a slow call to another service
    calls[f"rate {currency}"] += 1
    return {"EUR": 1.0, "USD": 1.08}[currency]


@bp.get("/price/<int:cents>/<currency>")
def price(cents, currency):
    return {
        "price": round(cents / 100 * exchange_rate(currency), 2),
        "currency": currency,
    }


@bp.put("/rates/<currency>")
def rate_changed(currency):
    # invalidate just this argument
    cache.delete_memoized(exchange_rate, currency)
    return "", 204
# --8<-- [end:memoize]


# --8<-- [start:cached-view]
@bp.get("/catalogue")
# ?page=1 and ?page=2 are different entries
@cache.cached(timeout=30, query_string=True)
def catalogue():
    calls["catalogue"] += 1
    return {"products": ["pen", "ink", "paper"]}
# --8<-- [end:cached-view]


def two_instances_one_cache(redis_url):
    """Two app objects (think: two servers) against one real Redis."""
    calls.clear()
    first, second = (
        create_app(redis_url).test_client(),
        create_app(redis_url).test_client(),
    )
    lines = []
    for name, client, path in [
        ("instance 1", first, "/price/250/USD"),
        ("instance 2", second, "/price/400/USD"),
        ("instance 1", first, "/catalogue?page=1"),
        ("instance 2", second, "/catalogue?page=1"),
    ]:
        lines.append(f"{name} GET {path:18} -> {client.get(path).get_json()}")
    lines.append(f"expensive code ran: {dict(calls)}")
    with redis.Redis.from_url(redis_url) as db:
        keys = sorted(key.decode() for key in db.scan_iter("shop:*"))
    lines.append("keys in Redis:")
    # one per line; a long hash is cut so that the line fits the page
    lines += [f"  {k}" if len(k) <= 78 else f"  {k[:73]}..." for k in keys]
    return "\n".join(lines)
