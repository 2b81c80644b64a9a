"""Flask-WTF CSRF in production: the hour-long token, WTF_CSRF_SSL_STRICT's Referer check,
Referrer-Policy: no-referrer (in Chromium), and what ProxyFix has to do with it."""

import datetime as dt
from urllib.parse import urlsplit

import time_machine

from snippets.security import csrf_gotchas
from snippets.security.csrf_gotchas import create_app, submit

HTTPS = "https://shop.example"
SAME_ORIGIN = f"{HTTPS}/settings"


def test_a_token_is_good_for_exactly_an_hour():
    client = create_app().test_client()
    with time_machine.travel(dt.datetime(2026, 5, 1, 12, 0, tzinfo=dt.timezone.utc), tick=False) as clock:
        page = client.get("/settings").text
        token = page.split('value="')[1].split('"')[0]
        clock.shift(3600)
        assert client.post("/email", data={"csrf_token": token, "email": "a@b.c"}).status_code == 200
        clock.shift(1)
        late = client.post("/email", data={"csrf_token": token, "email": "a@b.c"})
        assert (late.status_code, late.json["error"]) == (400, "The CSRF token has expired.")
        assert submit(client).status_code == 200  # reloading the form gives a fresh token


def test_no_time_limit_means_the_token_lives_as_long_as_the_session():
    app = create_app()
    app.config["WTF_CSRF_TIME_LIMIT"] = None
    client = app.test_client()
    with time_machine.travel(dt.datetime(2026, 5, 1, tzinfo=dt.timezone.utc), tick=False) as clock:
        token = client.get("/settings").text.split('value="')[1].split('"')[0]
        clock.shift(dt.timedelta(days=30))
        assert client.post("/email", data={"csrf_token": token, "email": "a@b.c"}).status_code == 200


def test_over_https_a_post_without_referer_fails_even_with_a_valid_token():
    assert csrf_gotchas.https_without_referer() == (
        "400 {'error': 'The referrer header is missing.', 'fix': 'reload the form and send it again'}")


def test_over_https_the_referer_must_be_this_origin():
    client = create_app().test_client()
    assert submit(client, referer=SAME_ORIGIN, base_url=HTTPS).json == {
        "email": "ada@example.com", "secure": True}
    other = submit(client, referer="https://evil.example/", base_url=HTTPS)
    assert other.json["error"] == "The referrer does not match the host."
    port = submit(client, referer="https://shop.example:8443/settings", base_url=HTTPS)
    assert port.json["error"] == "The referrer does not match the host."


def test_over_plain_http_the_referer_is_not_checked():
    assert submit(create_app().test_client()).json == {"email": "ada@example.com", "secure": False}


# Behind a TLS-terminating proxy the app sees plain HTTP from 127.0.0.1:8000 plus X-Forwarded-*.
PROXIED = {"base_url": "http://127.0.0.1:8000",
           "headers": {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "shop.example"}}


def test_behind_a_proxy_without_proxy_fix_the_referer_check_is_silently_off():
    response = submit(create_app().test_client(), **PROXIED)  # no Referer at all
    assert response.json == {"email": "ada@example.com", "secure": False}


def test_with_proxy_fix_for_the_scheme_only_a_good_referer_is_refused():
    client = create_app(proxy_fix={"x_proto": 1}).test_client()
    response = submit(client, referer=SAME_ORIGIN, **PROXIED)  # the app thinks it is 127.0.0.1:8000
    assert response.json["error"] == "The referrer does not match the host."


def test_with_proxy_fix_for_scheme_and_host_the_check_works():
    client = create_app(proxy_fix={"x_proto": 1, "x_host": 1}).test_client()
    assert submit(client, referer=SAME_ORIGIN, **PROXIED).json == {"email": "ada@example.com", "secure": True}
    assert submit(client, **PROXIED).json["error"] == "The referrer header is missing."


def serve_https(page, app, origin=HTTPS):
    """Answer https://shop.example/... from the test client (Playwright fulfils it: no TLS)."""
    client = app.test_client(use_cookies=False)

    def handle(route):
        request = route.request
        headers = {k: v for k, v in request.all_headers().items() if not k.startswith(":")}
        response = client.open(urlsplit(request.url).path, method=request.method, base_url=origin,
                               headers=headers, data=request.post_data_buffer)
        merged = {}
        for name, value in response.headers.items():
            merged[name] = f"{merged[name]}\n{value}" if name in merged else value
        route.fulfill(status=response.status_code, headers=merged, body=response.get_data())

    page.route(lambda url: url.startswith(f"{origin}/"), handle)


def submit_in_chromium(page, app):
    serve_https(page, app)
    page.goto(f"{HTTPS}/settings")
    with page.expect_response(f"{HTTPS}/email") as answer:
        page.click("button")
    return answer.value


def test_in_a_browser_the_default_referrer_policy_passes_the_check(page):
    response = submit_in_chromium(page, create_app())
    assert response.request.headers["referer"] == SAME_ORIGIN
    assert (response.status, response.json()["secure"]) == (200, True)


def test_in_a_browser_referrer_policy_no_referrer_breaks_every_form(page):
    response = submit_in_chromium(page, create_app(referrer_policy="no-referrer"))
    assert "referer" not in response.request.headers
    assert (response.status, response.json()["error"]) == (400, "The referrer header is missing.")


def test_in_a_browser_same_origin_keeps_the_referer_for_your_own_forms(page):
    response = submit_in_chromium(page, create_app(referrer_policy="same-origin"))
    assert (response.status, response.json()["secure"]) == (200, True)
