"""A page that depends on the user, cached in a real Redis: the leak and the three fixes."""

import pytest

from snippets.extensions.caching_per_user import create_app, fixed, leak


@pytest.fixture
def app(redis_url, store):
    return create_app(redis_url)


def keys(store):
    return sorted(key.decode() for key in store.keys())


def logged_in(app, name):
    client = app.test_client()
    client.post(f"/login/{name}")
    return client


def test_cached_keys_on_the_path_so_bob_gets_adas_page(app, store):
    ada, bob = logged_in(app, "ada"), logged_in(app, "bob")
    assert ada.get("/leaky/account").json["email"] == "ada@example.com"
    leaked = bob.get("/leaky/account").json
    assert leaked["for"] == "ada" and leaked["email"] == "ada@example.com"  # Bob sees Ada's data
    assert app.test_client().get("/leaky/account").json["email"] == "ada@example.com"  # so does anyone
    assert app.extensions["renders"] == 1
    assert keys(store) == ["acct:view//leaky/account"]  # one key, no user in it


def test_a_callable_key_prefix_gives_each_user_an_entry(app, store):
    ada, bob = logged_in(app, "ada"), logged_in(app, "bob")
    assert ada.get("/account").json["email"] == "ada@example.com"
    assert bob.get("/account").json["email"] == "bob@example.com"
    assert ada.get("/account").json["renders"] == 1  # Ada's second visit is a hit
    assert app.test_client().get("/account").json == {"page": "account", "for": "anonymous", "renders": 3}
    assert keys(store) == ["acct:view/-/account", "acct:view/ada/account", "acct:view/bob/account"]


def test_unless_caches_only_the_anonymous_page(app, store):
    anonymous = app.test_client()
    assert anonymous.get("/").json["renders"] == anonymous.get("/").json["renders"] == 1
    ada = logged_in(app, "ada")
    assert [ada.get("/").json["renders"] for _ in range(2)] == [2, 3]  # rendered every time
    assert ada.get("/").json["email"] == "ada@example.com"
    assert keys(store) == ["acct:view//"]  # only the anonymous entry was written


def test_make_cache_key_receives_the_view_arguments(app, store):
    ada, bob = logged_in(app, "ada"), logged_in(app, "bob")
    assert ada.get("/orders/7").json["for"] == "ada"
    assert bob.get("/orders/7").json["for"] == "bob"
    assert ada.get("/orders/8").json["order_id"] == 8
    assert ada.get("/orders/7").json["renders"] == 1
    assert keys(store) == ["acct:order/ada/7", "acct:order/ada/8", "acct:order/bob/7"]


def test_the_page_demos_show_the_leak_and_the_fix():
    assert leak().count("'for': 'ada'") == 3
    shown = fixed()
    assert shown.count("'for': 'bob'") == 3 and shown.count("'for': 'anonymous'") == 3
