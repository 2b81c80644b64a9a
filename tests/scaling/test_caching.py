"""Flask-Caching on a real Redis, and HTTP caching headers with conditional GET."""

import http.client
import os
import re
from pathlib import Path

import redis
from werkzeug.http import parse_etags

from snippets.scaling import caching
from snippets.scaling.http_caching import app as http_app
from snippets.scaling.http_caching import renders
from tests.deployment.stack import MAIN_CONF
from tests.servers import free_port, gunicorn, nginx, redis_server


def test_memoize_and_cached_view_are_shared_through_redis(tmp_path):
    caching.calls.clear()
    with redis_server(tmp_path) as url:
        app = caching.create_app(url)
        one, two = app.test_client(), caching.create_app(url).test_client()
        assert one.get("/price/250/USD").get_json() == {"price": 2.7, "currency": "USD"}
        assert two.get("/price/400/USD").get_json() == {"price": 4.32, "currency": "USD"}
        assert caching.calls["rate USD"] == 1  # the second instance hit the cache
        assert one.put("/rates/USD").status_code == 204
        two.get("/price/100/USD"), two.get("/price/100/EUR"), one.get("/price/100/EUR")
        assert caching.calls["rate USD"] == 2  # invalidated, so computed again
        assert caching.calls["rate EUR"] == 1
        with app.app_context():  # no arguments: a new version, every argument invalidated
            caching.cache.delete_memoized(caching.exchange_rate)
        two.get("/price/100/USD"), two.get("/price/100/EUR")
        assert caching.calls["rate USD"] == 3 and caching.calls["rate EUR"] == 2

        one.get("/catalogue?page=1"), two.get("/catalogue?page=1"), two.get("/catalogue?page=2")
        assert caching.calls["catalogue"] == 2  # page 1 once, page 2 once
        with redis.Redis.from_url(url) as db:
            keys = [k.decode() for k in db.scan_iter("shop:*")]
            assert sum(k.startswith("shop:view//catalogue") for k in keys) == 2
            assert db.ttl(next(k for k in keys if "view//catalogue" in k)) <= 30


DEMO = Path(caching.__file__).with_name("caching_demo.txt")


def without_version(transcript):
    """A memoized key ends with its function's random 6-character version: compare the rest."""
    return re.sub(r"(shop:[A-Za-z0-9+/]{16})[A-Za-z0-9+/]{6}$", r"\1<version>", transcript, flags=re.M)


def test_the_transcript_on_the_page_is_what_redis_gives_now(tmp_path):
    # docs/scaling/caching.md shows caching_demo.txt: the build starts no Redis. This replays
    # the demo on a real one; FFG_RECORD=1 rewrites the file when the demo changes on purpose.
    with redis_server(tmp_path) as url:
        live = caching.two_instances_one_cache(url)
    if os.environ.get("FFG_RECORD"):
        DEMO.write_text(live + "\n")
    assert without_version(live) == without_version(DEMO.read_text().rstrip("\n")), (
        "the demo's output changed: check it, then rerun with FFG_RECORD=1 to record it")
    assert "expensive code ran: {'rate USD': 1, 'catalogue': 1}" in live
    assert "shop:snippets.scaling.caching.exchange_rate_memver" in live


def test_without_query_string_true_the_pages_share_one_entry():
    # The claim beside @cache.cached(query_string=True): the default key is the path alone.
    from flask import Flask, request
    from flask_caching import Cache

    app = Flask(__name__)
    cache = Cache(app, config={"CACHE_TYPE": "SimpleCache"})

    @app.get("/catalogue")
    @cache.cached(timeout=30)
    def catalogue():
        return {"page": request.args["page"]}

    client = app.test_client()
    assert client.get("/catalogue?page=1").get_json() == {"page": "1"}
    assert client.get("/catalogue?page=2").get_json() == {"page": "1"}  # page 1's response


def test_etag_and_cache_control_then_304():
    client = http_app.test_client()
    first = client.get("/articles/1")
    assert first.status_code == 200
    assert first.headers["Cache-Control"] == "public, max-age=60"
    etag = first.headers["ETag"]
    assert re.fullmatch(r'"[0-9a-f]{40}"', etag)  # sha1 of the body
    renders["count"] = 0
    again = client.get("/articles/1", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    assert renders["count"] == 1  # the view still ran: 304 saves bandwidth, not work
    changed = client.get("/articles/1", headers={"If-None-Match": '"stale"'})
    assert changed.status_code == 200


def test_version_etag_skips_the_render():
    client = http_app.test_client()
    first = client.get("/v2/articles/1")
    assert first.status_code == 200 and first.headers["Cache-Control"] == "no-cache"
    renders["count"] = 0
    again = client.get("/v2/articles/1", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.headers["ETag"] == first.headers["ETag"]
    assert renders["count"] == 0  # decided before building the body
    assert client.get("/v2/articles/9").status_code == 404


def test_private_no_store():
    response = http_app.test_client().get("/account")
    assert response.headers["Cache-Control"] == "private, no-store"
    assert "ETag" not in response.headers


def test_the_etags_the_page_sends_back_are_current():
    # docs/scaling/caching.md revalidates with these two values; if the content changes,
    # this fails instead of the page silently showing a 200 where it promises a 304.
    client = http_app.test_client()
    assert client.get("/articles/1").headers["ETag"] == '"28498cf9cfd54604bdf05e0949c7451720d27930"'
    assert client.get("/v2/articles/1").headers["ETag"] == '"62d5d8280031f607f1db058da959a97f6a8e6d90"'


# The site nginx serves in front of Gunicorn, inside the deployment tests' main configuration.
GZIP_PROXY = """
    server {{
        listen 127.0.0.1:{port};
        gzip on;
        gzip_types application/json;
        gzip_min_length 1;
        location / {{ proxy_pass {upstream}; }}
    }}
"""


def get(port, path, headers):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        return response.status, response.headers, response.read()
    finally:
        conn.close()


def test_behind_nginx_gzip_the_etag_comes_back_weak_and_still_gives_304(tmp_path):
    port = free_port()
    with gunicorn("snippets.scaling.http_caching:app", tmp_path) as upstream, \
         nginx(MAIN_CONF.format(d=tmp_path, site=GZIP_PROXY.format(port=port, upstream=upstream)),
               tmp_path, port):
        status, headers, body = get(port, "/v2/articles/1", {"Accept-Encoding": "gzip"})
        assert status == 200 and headers["Content-Encoding"] == "gzip"
        weak = headers["ETag"]
        assert weak == 'W/"62d5d8280031f607f1db058da959a97f6a8e6d90"'  # nginx weakened it
        status, headers, body = get(port, "/v2/articles/1",
                                    {"Accept-Encoding": "gzip", "If-None-Match": weak})
    assert (status, body) == (304, b"")


def test_a_weak_if_none_match_needs_the_weak_comparison():
    client = http_app.test_client()
    weak = {"If-None-Match": 'W/"62d5d8280031f607f1db058da959a97f6a8e6d90"'}
    renders["count"] = 0
    assert client.get("/v2/articles/1", headers=weak).status_code == 304
    assert client.get("/articles/1", headers={"If-None-Match": 'W/"28498cf9cfd54604bdf05e0949c7451720d27930"'}
                      ).status_code == 304  # make_conditional compares weakly too
    assert renders["count"] == 1  # only /articles/1 rendered (it always does)
    # The strong comparison, contains(), which the example used before: no match, so a 200.
    etags = parse_etags(weak["If-None-Match"])
    assert not etags.contains("62d5d8280031f607f1db058da959a97f6a8e6d90")
    assert etags.contains_weak("62d5d8280031f607f1db058da959a97f6a8e6d90")
