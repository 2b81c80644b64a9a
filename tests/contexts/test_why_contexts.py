from werkzeug.test import Client

from snippets.contexts import two_apps
from snippets.contexts.two_apps import blog, shop, site


def test_one_view_function_serves_two_apps():
    assert shop.view_functions["home"] is blog.view_functions["home"]
    assert shop.test_client().get("/").text == "Welcome to the shop (served by the 'shop' app)"
    assert blog.test_client().get("/").text == "Latest posts (served by the 'blog' app)"


def test_both_apps_behind_one_wsgi_callable():
    client = Client(site)
    assert client.get("/").text.endswith("(served by the 'shop' app)")
    response = client.get("/blog/")
    assert response.status_code == 200
    assert response.text == "Latest posts (served by the 'blog' app)"
    assert two_apps.both_through_one_server().splitlines() == [
        "GET /       -> Welcome to the shop (served by the 'shop' app)",
        "GET /blog/  -> Latest posts (served by the 'blog' app)",
    ]


def test_nested_app_context_is_restored_on_exit():
    assert two_apps.nested_app_contexts().splitlines() == [
        "outer block:   current_app is shop",
        "inner block:   current_app is blog",
        "back in outer: current_app is shop",
    ]
