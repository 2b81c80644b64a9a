"""HTTP caching: Cache-Control tells clients how long to keep a response,
ETag lets them revalidate."""

import hashlib

from flask import Flask, abort, request

app = Flask(__name__)
ARTICLES = {
    1: {"title": "Scaling Flask", "version": 3, "body": "Measure first."}
}
renders = {"count": 0}


# --8<-- [start:etag]
@app.get("/articles/<int:article_id>")
def article(article_id):
    renders["count"] += 1
    # the body is built every time...
    response = app.json.response(ARTICLES[article_id])
    response.cache_control.public = True
    response.cache_control.max_age = 60  # fresh for 60 s: no request at all
    # then revalidate: ETag = hash of the body
    response.add_etag()
    # ...and dropped when If-None-Match matches
    return response.make_conditional(request)
# --8<-- [end:etag]


# --8<-- [start:cheap-etag]
@app.get("/v2/articles/<int:article_id>")
def article_v2(article_id):
    found = ARTICLES.get(article_id) or abort(404)
    etag = hashlib.sha1(f"{article_id}-{found['version']}".encode()).hexdigest()
    # decided before any rendering
    if request.if_none_match.contains_weak(etag):
        return "", 304, {"ETag": f'"{etag}"', "Cache-Control": "no-cache"}
    renders["count"] += 1
    response = app.json.response(found)
    response.set_etag(etag)
    # may store, must revalidate every time
    response.cache_control.no_cache = True
    return response
# --8<-- [end:cheap-etag]


# --8<-- [start:private]
@app.get("/account")
def account():
    response = app.json.response({"user": "ada", "balance": 42})
    # a browser may keep it; a shared proxy must not
    response.cache_control.private = True
    response.cache_control.no_store = True  # and here: nobody keeps it
    return response
# --8<-- [end:private]
