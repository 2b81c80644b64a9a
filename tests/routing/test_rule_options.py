from snippets.routing.rule_options import app, by_legacy_id


def get(path):
    return app.test_client().get(path)


def test_defaults_give_one_canonical_url_and_redirect_the_other():
    first = get("/articles/")
    assert first.status_code == 200
    assert first.get_json() == {"page": 1, "first": "/articles/", "next": "/articles/page/2"}
    duplicate = get("/articles/page/1")  # Map.redirect_defaults is on by default
    assert (duplicate.status_code, duplicate.location) == (308, "http://localhost/articles/")
    assert get("/articles/page/1?sort=new").location == "http://localhost/articles/?sort=new"
    assert get("/articles/page/3").get_json()["page"] == 3
    assert app.url_map.redirect_defaults is True


def test_a_python_default_serves_page_one_twice_and_builds_the_long_url():
    assert get("/tags/").get_json() == {"page": 1, "first": "/tags/page/1"}
    assert get("/tags/page/1").status_code == 200  # no redirect: two URLs, one page


def test_redirect_to_a_string_or_a_callable_never_runs_a_view():
    old = get("/blog/hello")
    assert (old.status_code, old.location) == (308, "http://localhost/posts/hello")
    assert get("/p/7").location == "http://localhost/posts/routing-in-depth"
    assert get("/p/8").location == "http://localhost/posts/unknown"
    assert "old_blog" not in app.view_functions and "legacy_post" not in app.view_functions
    assert get(old.location.removeprefix("http://localhost")).get_json() == {"post": "hello"}
    assert by_legacy_id(None, 7) == "posts/routing-in-depth"


def test_relative_targets_stay_under_the_mount_point():
    mounted = {"environ_overrides": {"SCRIPT_NAME": "/app"}}
    client = app.test_client()
    assert client.get("/blog/hello", **mounted).location == "http://localhost/app/posts/hello"
    assert client.get("/p/7", **mounted).location == "http://localhost/app/posts/routing-in-depth"
    assert client.get("/articles/page/1", **mounted).location == "http://localhost/app/articles/"


def test_before_request_runs_before_a_matching_redirect_is_raised():
    seen = []
    app.before_request_funcs.setdefault(None, []).append(lambda: seen.append("hook"))
    try:
        assert get("/blog/hello").status_code == 308
        assert get("/reports//monthly").status_code == 308
    finally:
        app.before_request_funcs[None].pop()
    assert seen == ["hook", "hook"]


def test_a_redirect_to_rule_has_the_default_methods_like_any_rule():
    assert app.test_client().post("/blog/hello").status_code == 405  # GET (HEAD, OPTIONS) only
    assert app.test_client().head("/blog/hello").status_code == 308


def test_alias_redirects_to_the_canonical_rule_and_url_for_skips_it():
    alias = get("/about-us")
    assert (alias.status_code, alias.location) == (308, "http://localhost/about")
    assert get("/about").get_json() == {"about": "/about"}


def test_merge_slashes_redirects_unless_the_rule_opts_out():
    merged = get("/reports//monthly")
    assert (merged.status_code, merged.location) == (308, "http://localhost/reports/monthly")
    assert get("/reports/monthly").get_json() == {"report": "monthly"}
    assert app.url_map.merge_slashes is True
    assert get("/hooks//github/push").status_code == 404
    assert get("/hooks/github/push").get_json() == {"hook": "push"}
