import re

from flask import Flask, request

from snippets.security import csrf, csrf_unsafe
from tests.browser_tools import isolated_context, live_server, serve

FORGED_JSON = '{"email": "attacker@evil.example", "x": "="}'  # what a text/plain form can send
# The attacker's page on another site: the form above, submitted as soon as the victim opens it.
FORGED_FORM = """<!doctype html><title>Cute cats</title>
<form method="post" action="http://app.test/api/email" enctype="text/plain">
  <input name='{"email": "attacker@evil.example", "x": "' value='"}'>
</form>
<script>document.forms[0].submit()</script>"""
# The same body sent by script: a subrequest, not a navigation.
FORGED_FETCH = """<!doctype html><title>Cute cats</title><script>
fetch("http://app.test/api/email", {method: "POST", mode: "no-cors", credentials: "include",
      body: '{"email": "attacker@evil.example"}'});
</script>"""


def logged_in(app):
    client = app.test_client()
    with client.session_transaction() as session:
        session["user"] = "ada"
    return client


def token_from(client):
    page = client.get("/settings").text
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def test_post_without_token_is_rejected_with_400():
    response = logged_in(csrf.app).post("/email", data={"email": "attacker@evil.example"})
    assert response.status_code == 400
    assert "The CSRF token is missing." in response.text


def test_post_with_the_token_from_the_form_succeeds():
    client = logged_in(csrf.app)
    response = client.post("/email", data={"email": "ada@example.com", "csrf_token": token_from(client)})
    assert response.status_code == 200
    assert response.json == {"user": "ada", "email": "ada@example.com"}


def test_attackers_own_valid_token_does_not_work_in_the_victims_session():
    attacker_token = token_from(logged_in(csrf.app))
    victim = logged_in(csrf.app)
    response = victim.post("/email", data={"email": "x@evil.example", "csrf_token": attacker_token})
    assert response.status_code == 400
    assert "The CSRF session token is missing." in response.text


def test_a_victim_with_their_own_token_still_rejects_the_attackers():
    attacker_token = token_from(logged_in(csrf.app))
    victim = logged_in(csrf.app)
    token_from(victim)  # the victim has opened the form: their session holds their own token
    response = victim.post("/email", data={"email": "x@evil.example", "csrf_token": attacker_token})
    assert response.status_code == 400
    assert "The CSRF tokens do not match." in response.text


def test_session_cookie_is_samesite_lax():
    client = csrf.app.test_client()
    response = client.get("/settings")  # generating the token writes the session
    assert "SameSite=Lax" in response.headers["Set-Cookie"]
    assert "HttpOnly" in response.headers["Set-Cookie"]


def test_unsafe_json_endpoint_accepts_a_text_plain_form_post():
    response = logged_in(csrf_unsafe.app).post(
        "/api/email", data=FORGED_JSON, content_type="text/plain")
    assert response.status_code == 200
    assert response.json == {"user": "ada", "email": "attacker@evil.example"}


def test_json_api_refuses_the_same_text_plain_post_with_415():
    response = logged_in(csrf.app).post("/api/email", data=FORGED_JSON, content_type="text/plain")
    assert response.status_code == 415


def test_json_api_ignores_the_session_cookie():
    response = logged_in(csrf.app).post("/api/email", json={"email": "x@evil.example"})
    assert response.status_code == 401


def test_json_api_works_with_a_bearer_token():
    response = csrf.app.test_client().post(
        "/api/email", json={"email": "ada@example.com"}, headers={"Authorization": "Bearer tok-ada-6f1c"})
    assert response.status_code == 200
    assert response.json == {"user": "ada", "email": "ada@example.com"}


def test_preflight_from_another_origin_gets_no_cors_permission():
    response = csrf.app.test_client().options("/api/email", headers={
        "Origin": "https://evil.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type, authorization"})
    # At the HTTP level: Playwright's request routing answers CORS preflights itself, so a
    # routed Chromium cannot show the browser refusing to send the POST.
    assert response.status_code == 200  # Flask's automatic OPTIONS...
    assert "Access-Control-Allow-Origin" not in response.headers  # ...grants nothing


def test_unsafe_json_endpoint_without_a_session_is_401():
    response = csrf_unsafe.app.test_client().post("/api/email", data=FORGED_JSON, content_type="text/plain")
    assert response.status_code == 401


def attacker_site(page, html, host="evil.test"):
    page.route(lambda url: url.startswith(f"http://{host}/"),
               lambda route: route.fulfill(content_type="text/html", body=html))


def forge_from_another_site(page, app, attack=FORGED_FORM):
    """Log in on app.test in Chromium, then open the attacker's page on evil.test."""
    serve(page, app)
    attacker_site(page, attack)
    page.goto("http://app.test/login")
    page.click("button")
    page.wait_for_load_state()
    with page.expect_response("http://app.test/api/email") as forged:
        page.goto("http://evil.test/")
    return forged.value


def test_in_a_browser_a_forged_form_carries_a_cookie_without_samesite(page):
    # Flask's default sets no SameSite attribute. Chromium treats such a cookie as Lax, except
    # that a fresh one still rides along on a cross-site top-level POST ("Lax+POST").
    response = forge_from_another_site(page, csrf_unsafe.create_app())
    assert (response.status, response.json()) == (200, {"user": "ada", "email": "attacker@evil.example"})


def test_in_a_browser_a_cookie_without_samesite_stays_off_cross_site_subrequests(page):
    response = forge_from_another_site(page, csrf_unsafe.create_app(), attack=FORGED_FETCH)
    assert (response.status, response.json()) == (401, {"error": "login required"})


def test_in_a_browser_samesite_lax_keeps_the_cookie_off_the_forged_form(page):
    app = csrf_unsafe.create_app()
    app.config["SESSION_COOKIE_SAMESITE"] = "Lax"  # still the unsafe view, now with SameSite
    response = forge_from_another_site(page, app)
    assert (response.status, response.json()) == (401, {"error": "login required"})



def test_json_api_refuses_the_token_under_any_scheme_but_bearer():
    response = csrf.app.test_client().post(
        "/api/email", json={"email": "ada@example.com"}, headers={"Authorization": "Basic tok-ada-6f1c"})
    assert response.status_code == 401


def test_in_a_browser_cached_basic_credentials_ride_along_on_a_forged_form(browser):
    # "Browsers never attach Authorization by themselves" holds for Bearer tokens only. Once a user
    # has answered a Basic challenge, Chromium re-sends the credentials unasked, cross-site too.
    # Playwright's http_credentials only answers 401 challenges (send="unauthorized"), so the
    # header on the forged POST's first and only request comes from Chromium's own auth cache.
    basic_app, seen = Flask(__name__), []

    @basic_app.route("/area/<name>", methods=["GET", "POST"])
    def area(name):
        seen.append((request.method, name, request.headers.get("Authorization")))
        if request.authorization is None:
            return "log in", 401, {"WWW-Authenticate": 'Basic realm="area"'}
        return "ok"

    context, _ = isolated_context(browser, loopback=True,
                                  http_credentials={"username": "ada", "password": "pw"})
    try:
        with live_server(basic_app) as origin:
            page = context.new_page()
            attacker_site(page, f'<form method="post" action="{origin}/area/email"></form>'
                                "<script>document.forms[0].submit()</script>")
            page.goto(f"{origin}/area/home")  # the user logs in once: 401, then the credentials
            assert [auth is None for _, _, auth in seen] == [True, False]
            seen.clear()
            page.goto("http://evil.test/")
            page.wait_for_url(f"{origin}/area/email")
            assert seen == [("POST", "email", "Basic YWRhOnB3")]  # base64 of ada:pw, sent unasked
    finally:
        context.close()
