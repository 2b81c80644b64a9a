"""Flask-Limiter 4 with Redis storage, headers, a JSON 429 and a per-user key
behind a proxy.
"""

from flask import Flask, request
from flask_limiter import Limiter
from werkzeug.middleware.proxy_fix import ProxyFix

# --8<-- [start:key]
# stands in for real authentication
API_KEYS = {"key-alice": "alice", "key-bob": "bob"}


def user_or_ip():
    """Signed-in callers get their own bucket; others count per address."""
    user = API_KEYS.get(request.headers.get("X-API-Key", ""))
    return f"user:{user}" if user else f"ip:{request.remote_addr}"


# --8<-- [end:key]


# --8<-- [start:setup]
def create_app(
    storage_uri="memory://", strategy="fixed-window", behind_proxy=True
):
    app = Flask(__name__)
    app.config.update(
        # "redis://host:6379/0" in production
        RATELIMIT_STORAGE_URI=storage_uri,
        # fixed-window, moving-window or sliding-window-counter
        RATELIMIT_STRATEGY=strategy,
        RATELIMIT_HEADERS_ENABLED=True,  # X-RateLimit-* and Retry-After
        RATELIMIT_DEFAULT="200 per hour",  # every route without its own limit
    )
    # one trusted proxy in front: take the client address from it
    if behind_proxy:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1)
    # A Limiter reads its storage and strategy from the first app it is given,
    # so each app built here gets its own.
    limiter = Limiter(key_func=user_or_ip, app=app)
    add_views(app, limiter)
    return app


# --8<-- [end:setup]


# --8<-- [start:views]
def add_views(app, limiter):
    @app.get("/search")
    @limiter.limit("3 per minute")
    def search():
        return {"results": [], "caller": user_or_ip()}

    @app.get("/health")
    @limiter.exempt  # load balancers poll this; never limit it
    def health():
        return {"status": "ok"}

    @app.get("/articles")
    def articles():  # no decorator: RATELIMIT_DEFAULT applies
        return {"articles": []}

    @app.errorhandler(429)
    def too_many_requests(error):
        return {
            "error": "rate_limited",
            "message": f"Too many requests: the limit is {error.description}. "
            "Wait for the number of seconds in Retry-After.",
        }, 429


# --8<-- [end:views]
