"""Each symptom of docs/troubleshooting/sessions-and-cookies.md. The server side is asserted
here with Flask's test client; what Chromium does with the cookies is reproduced in Chromium by
tests/browser/test_cookie_symptoms.py, which checks the transcripts this file reads."""

from pathlib import Path

from snippets.troubleshooting import sessions_and_cookies as snippet

SNIPPETS = Path(snippet.__file__).parent


def transcript(name):
    return (SNIPPETS / name).read_text()


def test_no_secret_key():
    assert snippet.no_secret_key() == (
        "RuntimeError: The session is unavailable because no secret key was set.  "
        "Set the secret_key on the application to something unique and secret.")


def test_session_not_saved_after_mutation():
    assert snippet.cart_transcript() == (
        "POST /cart/pen          -> {'cart': ['pen']}\n"
        "POST /cart/ink          -> {'cart': ['pen', 'ink']}\n"
        "GET /cart              -> {'cart': ['pen']}")
    assert snippet.cart_fixed_transcript().endswith("GET /cart              -> {'cart': ['pen', 'ink']}")


def test_cookie_too_large_warning():
    assert snippet.too_large_warning() == (
        "UserWarning: The 'session' cookie is too large: the value was 4095 bytes but the header "
        "required 26 extra bytes. The final size was 4121 bytes but the limit is 4093 bytes. "
        "Browsers may silently ignore cookies larger than this.")


def test_cookie_too_large_dropped_by_chromium():
    assert "Chromium: blocked: NameValuePairExceedsMaxSize" in transcript("cookie_too_large.txt")


def set_cookie_after_login(**config):
    client = snippet.create_app(**config).test_client()
    assert client.get("/").text.startswith("<!doctype html>")
    return client.post("/login").headers["Set-Cookie"]


def test_samesite_none_without_secure():
    header = set_cookie_after_login(SESSION_COOKIE_SAMESITE="None")
    assert header.endswith("; HttpOnly; Path=/; SameSite=None") and "Secure" not in header
    assert "Chromium: blocked: SameSiteNoneInsecure" in transcript("cookie_samesite_none.txt")


def test_secure_cookie_over_http():
    header = set_cookie_after_login(SESSION_COOKIE_SECURE=True)
    assert header.endswith("; Secure; HttpOnly; Path=/")
    shown = transcript("cookie_secure_over_http.txt")
    assert "on http://127.0.0.1:<port>\n  Set-Cookie: session=<signed value>; Secure; HttpOnly; " \
           "Path=/\n  Chromium: stored\nfetch('/whoami') -> ada" in shown
    assert "on http://shop.test:<port>\n  Set-Cookie: session=<signed value>; Secure; HttpOnly; " \
           "Path=/\n  Chromium: blocked: SecureOnly\nfetch('/whoami') -> anonymous" in shown


def test_random_secret_key_logs_everyone_out():
    assert snippet.session_after_restart() == (
        "GET /whoami on the same instance  -> ada\n"
        "GET /whoami on the other instance -> anonymous")


def test_a_permanent_session_hides_the_mutation_bug():
    """SESSION_REFRESH_EACH_REQUEST re-sends a permanent session's cookie on every request."""
    from flask import session

    for refresh, kept in ((True, ["pen", "ink"]), (False, [])):
        app = snippet.create_app(SESSION_REFRESH_EACH_REQUEST=refresh)

        @app.post("/remember")
        def remember():
            session.permanent = True
            session["cart"] = []
            return "ok"

        @app.post("/append/<item>")
        def append(item):
            session["cart"].append(item)  # in place: the session is not marked modified
            return "ok"

        client = app.test_client()
        for path in ("/remember", "/append/pen", "/append/ink"):
            client.post(path)
        assert client.get("/cart").json == {"cart": kept}


def test_a_fallback_key_keeps_old_sessions_valid():
    before = snippet.create_app(SECRET_KEY="old-key").test_client()
    before.post("/login")
    cookie = before.get_cookie("session").value
    rotated = snippet.create_app(SECRET_KEY="new-key", SECRET_KEY_FALLBACKS=["old-key"])
    browser = rotated.test_client()
    browser.set_cookie("session", cookie)
    assert browser.get("/whoami").text == "ada"


def test_the_warning_counts_the_whole_cookie():
    from werkzeug.http import dump_cookie
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        dump_cookie("session", "x" * 4080, path="/", httponly=True)  # value fits, header not
    assert "the limit is 4093 bytes" in str(caught[0].message)
