"""A cached page that depends on who is asking: the leak, and three ways to key
it right.
"""

from flask import Flask, current_app, request, session
from flask_caching import Cache

cache = Cache()


def create_app(redis_url=None):
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY="dev only, set a real one from the environment",
        # the tests pass a real Redis
        CACHE_TYPE="RedisCache" if redis_url else "SimpleCache",
        CACHE_REDIS_URL=redis_url,
        CACHE_KEY_PREFIX="acct:",
    )
    cache.init_app(app)
    app.extensions["renders"] = 0
    register_views(app)
    return app


def render(page, **extra):
    """Stands in for an expensive page; counts how often it really runs."""
    current_app.extensions["renders"] += 1
    who = session.get("user")
    # what must never leak
    private = {"email": f"{who}@example.com"} if who else {}
    return {
        "page": page,
        "for": who or "anonymous",
        **private,
        **extra,
        "renders": current_app.extensions["renders"],
    }


def register_views(app):
    @app.post("/login/<name>")
    def login(name):
        session["user"] = name
        return {"logged_in": name}

    # --8<-- [start:leak]
    @app.get("/leaky/account")
    # key: "view//leaky/account", the same for everyone
    @cache.cached(timeout=60)
    def leaky_account():
        return render("account")

    # --8<-- [end:leak]

    # --8<-- [start:fixes]
    # a callable key_prefix returns the whole key; "%s" is not filled in
    def per_user():
        return f"view/{session.get('user', '-')}{request.path}"

    @app.get("/account")
    @cache.cached(timeout=60, key_prefix=per_user)  # one entry per user
    def account():
        return render("account")

    @app.get("/")
    # cache the anonymous page only
    @cache.cached(timeout=60, unless=lambda: "user" in session)
    def home():
        return render("home")

    # make_cache_key gets the view's arguments; it replaces the key logic
    def order_key(order_id):
        return f"order/{session.get('user', '-')}/{order_id}"

    @app.get("/orders/<int:order_id>")
    @cache.cached(timeout=60, make_cache_key=order_key)
    def order(order_id):
        return render("order", order_id=order_id)

    # --8<-- [end:fixes]


def two_users(path):
    """Ada, then Bob, then an anonymous visitor ask for the same path: who gets
    whose page?
    """
    app, lines = create_app(), []
    for name in ("ada", "bob", None):
        client = app.test_client()
        if name:
            client.post(f"/login/{name}")
        lines.append(
            f"{name or 'anonymous':9} GET {path} -> {client.get(path).json}"
        )
    return "\n".join(lines)


def leak():
    return two_users("/leaky/account")


def fixed():
    return "\n".join(two_users(path) for path in ("/account", "/", "/orders/7"))
