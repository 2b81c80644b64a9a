import base64
import json

import pytest
from flask import Flask, flash, get_flashed_messages

from snippets.templates.flashing.app import app


def test_flash_survives_one_redirect_and_is_then_gone():
    client = app.test_client()
    response = client.post("/cart", data={"item": "<b>lamp</b>"}, follow_redirects=True)
    assert response.status_code == 200
    assert [r.status_code for r in response.history] == [302]
    assert '<li class="success">Added &lt;b&gt;lamp&lt;/b&gt; to your cart.</li>' in response.text
    assert "<p>Errors only: 0</p>" in response.text
    again = client.get("/cart")
    assert "flashes" not in again.text  # consumed by the previous render


def test_category_filter():
    client = app.test_client()
    client.post("/cart", data={"item": " "})
    text = client.get("/cart").text
    assert '<li class="error">Say which item to add.</li>' in text
    assert "<p>Errors only: 1</p>" in text


def test_flashes_sit_readable_in_the_session_cookie():
    client = app.test_client()
    response = client.post("/cart", data={"item": "pen"})
    assert response.status_code == 302 and response.location == "/cart"
    payload = client.get_cookie("session").value.split(".")[0]
    data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    assert data == {"_flashes": [{" t": ["success", "Added pen to your cart."]}]}


def test_flash_needs_a_secret_key_and_defaults_to_message():
    bare = Flask(__name__)
    with bare.test_request_context(), pytest.raises(RuntimeError, match="secret key"):
        flash("hi")
    with app.test_request_context():
        flash("hi")
        assert get_flashed_messages(with_categories=True) == [("message", "hi")]


def test_the_cookie_is_set_by_the_post_and_sent_by_the_redirected_get():
    # review B: the page's tabs show the two requests separately, as the browser sends them.
    client = app.test_client()
    post = client.post("/cart", data={"item": "<b>lamp</b>"})
    assert post.status_code == 302
    assert "Cookie" not in post.request.headers
    assert post.headers["Set-Cookie"].startswith("session=")
    follow = client.get("/cart")
    assert follow.request.headers["Cookie"] == post.headers["Set-Cookie"].split(";")[0]
    assert "Added &lt;b&gt;lamp&lt;/b&gt;" in follow.text
    assert follow.headers["Set-Cookie"].startswith("session=; Expires=Thu, 01 Jan 1970")
    reload = client.get("/cart")
    assert "Cookie" not in reload.request.headers and "flashes" not in reload.text
