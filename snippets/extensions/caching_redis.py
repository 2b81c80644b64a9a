"""Flask-Caching 2.5 with RedisCache: a cached view, a memoized function,
invalidation.
"""

from flask import Blueprint, Flask, abort, current_app, request
from flask_caching import Cache

# --8<-- [start:setup]
cache = Cache()  # one object, bound to each app by init_app


def create_app(redis_url=None):
    app = Flask(__name__)
    app.config.update(
        # The tests pass a real Redis; the site build has none and uses
        # SimpleCache.
        CACHE_TYPE="RedisCache" if redis_url else "SimpleCache",
        CACHE_REDIS_URL=redis_url,
        CACHE_KEY_PREFIX="shop:",  # namespace every key this app writes
        CACHE_DEFAULT_TIMEOUT=300,
    )
    cache.init_app(app)
    app.extensions["catalog"] = {
        1: {"name": "pen", "price": 2.5},
        2: {"name": "ink", "price": 8.0},
    }
    app.extensions["db_reads"] = 0
    app.register_blueprint(bp)
    return app


# --8<-- [end:setup]


def read_product(product_id):
    """Stands in for a slow database query; counts how often it really runs."""
    current_app.extensions["db_reads"] += 1
    return current_app.extensions["catalog"].get(product_id)


# --8<-- [start:views]
bp = Blueprint("shop", __name__)


def only_ok(result):
    # The view's return value, or the response of an abort(): keep errors out of
    # the cache.
    return getattr(result, "status_code", 200) < 400


@bp.get("/products/<int:product_id>")
# key: "view/" + request.path
@cache.cached(timeout=60, response_filter=only_ok)
def product(product_id):
    item = read_product(product_id)
    if item is None:
        abort(404, description=f"No product {product_id}.")
    return {
        **item,
        "id": product_id,
        "db_reads": current_app.extensions["db_reads"],
    }


VAT = {"DE": 0.19, "FR": 0.20}


@cache.memoize(timeout=600)  # key: function name + hash of the arguments
def price_with_tax(product_id, country):
    rate = VAT[country]
    return round(read_product(product_id)["price"] * (1 + rate), 2)


@bp.get("/products/<int:product_id>/price")
def price(product_id):
    country = request.args.get("country", "DE")
    if (
        country not in VAT
        or product_id not in current_app.extensions["catalog"]
    ):
        abort(
            404,
            description=f"No price for product {product_id} in {country!r}.",
        )
    return {
        "id": product_id,
        "country": country,
        "price": price_with_tax(product_id, country),
    }


# --8<-- [end:views]


# --8<-- [start:invalidate]
@bp.put("/products/<int:product_id>/price")
def set_price(product_id):
    data = request.get_json(silent=True) or {}
    new_price = data.get("price")
    if (
        not isinstance(new_price, (int, float))
        or isinstance(new_price, bool)
        or new_price <= 0
    ):
        return {
            "error": "invalid_price",
            "message": "price must be a positive number",
        }, 422
    if product_id not in current_app.extensions["catalog"]:
        abort(404, description=f"No product {product_id}.")
    current_app.extensions["catalog"][product_id]["price"] = new_price
    # the cached view
    cache.delete_cached(product, path=f"/products/{product_id}")
    # with arguments, delete_memoized drops exactly that call's entry
    for country in VAT:
        cache.delete_memoized(price_with_tax, product_id, country)
    return {"id": product_id, "price": new_price}


# --8<-- [end:invalidate]


@bp.errorhandler(404)
def not_found(error):
    return {"error": "not_found", "message": error.description}, 404
