"""microservices.md: moving a mounted app from DispatcherMiddleware to its own server behind a proxy."""

from flask import Flask, request, url_for
from werkzeug.middleware.dispatcher import DispatcherMiddleware
from werkzeug.middleware.proxy_fix import ProxyFix


def create_api():
    api = Flask(__name__)

    @api.get("/status")
    def status():
        return {"script_root": request.script_root, "self": url_for("status")}

    return api


def test_mounted_under_a_prefix_by_the_dispatcher():
    site = Flask(__name__)
    site.wsgi_app = DispatcherMiddleware(site.wsgi_app, {"/api": create_api()})
    body = site.test_client().get("/api/status").get_json()
    assert body == {"script_root": "/api", "self": "/api/status"}


def test_split_out_the_proxy_strips_the_prefix_and_proxyfix_restores_it():
    # nginx: location /api/ { proxy_pass http://api/; proxy_set_header X-Forwarded-Prefix /api; }
    api = create_api()
    api.wsgi_app = ProxyFix(api.wsgi_app, x_prefix=1)
    body = api.test_client().get("/status", headers={"X-Forwarded-Prefix": "/api"}).get_json()
    assert body == {"script_root": "/api", "self": "/api/status"}  # as under the dispatcher


def test_split_out_without_stripping_the_routes_no_longer_match():
    # nginx: proxy_pass http://api; (no URI) passes /api/status through unchanged
    assert create_api().test_client().get("/api/status").status_code == 404


def test_split_out_stripped_but_without_proxyfix_links_lose_the_prefix():
    body = create_api().test_client().get("/status", headers={"X-Forwarded-Prefix": "/api"}).get_json()
    assert body == {"script_root": "", "self": "/status"}  # a link the proxy would not route
