import base64
import hashlib
import secrets

import pytest
from flask import Flask, abort

from snippets.security import xss, xss_unsafe
from tests.browser_tools import serve

STEAL = "document.title='pwned'"
PAYLOADS = {
    "script": f"<script>{STEAL}</script>",
    "event handler": f"<img src=x onerror=\"{STEAL}\">",
}


def test_markup_built_with_an_f_string_returns_the_payload_live():
    response = xss_unsafe.app.test_client().get("/greet", query_string={"name": PAYLOADS["script"]})
    assert PAYLOADS["script"] in response.text


def test_safe_filter_returns_the_payload_live():
    response = xss_unsafe.app.test_client().get("/bio", query_string={"bio": PAYLOADS["event handler"]})
    assert PAYLOADS["event handler"] in response.text


@pytest.mark.parametrize("payload, survives", [
    ("<script>alert(1)</script>", ""),
    ("<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"),
    ("<scr<script></script>ipt>alert(1)</script>", "<script>alert(1)</script>"),
    ("<svg onload=alert(1)>", "<svg onload=alert(1)>"),
])
def test_a_regex_sanitiser_lets_attacks_through(payload, survives):
    response = xss_unsafe.app.test_client().get("/comment", query_string={"text": payload})
    assert response.text == f"<p>{survives}</p>"


def test_autoescaping_and_escaped_parts_neutralise_the_payloads():
    client = xss.app.test_client()
    response = client.get("/comments", query_string={
        "name": PAYLOADS["script"], "comment": PAYLOADS["event handler"] + "\nsecond line"})
    assert "<script>document.title" not in response.text
    assert "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;" in response.text
    assert "&lt;img src=x onerror=&#34;document.title=&#39;pwned&#39;&#34;&gt;<br>\nsecond line" in response.text


def test_paragraphs_keeps_only_our_markup():
    assert xss.paragraphs("a < b\n<b>bold</b>") == "a &lt; b<br>\n&lt;b&gt;bold&lt;/b&gt;"


def test_csp_header_allows_only_scripts_with_this_responses_nonce():
    client = xss.app.test_client()
    first, second = client.get("/comments"), client.get("/comments")
    policy = first.headers["Content-Security-Policy"]
    nonce = policy.split("'nonce-")[1].split("'")[0]
    assert "script-src 'nonce-" in policy and "unsafe-inline" not in policy
    assert f'<script nonce="{nonce}">' in first.text
    assert nonce not in second.headers["Content-Security-Policy"]  # fresh per response


@pytest.mark.parametrize("gate, status", [
    (lambda: ("log in first", 401), 401),  # an earlier before_request returns a response
    (lambda: abort(403), 403),              # ... or aborts
])
def test_a_before_request_that_answers_first_still_gets_the_policy(gate, status):
    # A nonce made in a before_request hook would be missing here, and the after_request
    # hook would turn the 401/403 into a 500.
    app = Flask(__name__)
    app.before_request(gate)  # registered before install_csp, so it runs first
    xss.install_csp(app)
    app.get("/")(lambda: "never reached")
    response = app.test_client().get("/")
    assert response.status_code == status
    assert "script-src 'nonce-" in response.headers["Content-Security-Policy"]


@pytest.mark.parametrize("kind", PAYLOADS)
def test_in_a_browser_the_injected_script_runs_without_csp(page, kind):
    serve(page, xss_unsafe.create_app())
    page.goto("http://app.test/bio?" + _query(PAYLOADS[kind]))
    assert page.title() == "pwned"


@pytest.mark.parametrize("kind", PAYLOADS)
def test_in_a_browser_csp_blocks_the_same_injection(page, kind):
    app = xss_unsafe.create_app()
    xss.install_csp(app)  # still the |safe bug, now with the policy as a second line
    serve(page, app)
    page.goto("http://app.test/bio?" + _query(PAYLOADS[kind]))
    assert page.title() == ""


@pytest.mark.parametrize("kind", PAYLOADS)
@pytest.mark.parametrize("policy, runs", [
    ("script-src 'self' 'unsafe-inline'", True),  # no nonce or hash: every inline script runs
    ("script-src 'nonce-{nonce}' 'unsafe-inline'", False),  # CSP 2+: 'unsafe-inline' is ignored
    ("script-src 'sha256-{hash}' 'unsafe-inline'", False),  # a hash has the same effect
])
def test_in_a_browser_unsafe_inline_counts_only_without_a_nonce_or_hash(page, kind, policy, runs):
    app = xss_unsafe.create_app()
    other_script = base64.b64encode(hashlib.sha256(b"console.log(1)").digest()).decode()

    @app.after_request
    def content_security_policy(response):
        response.headers["Content-Security-Policy"] = policy.format(
            nonce=secrets.token_urlsafe(16), hash=other_script)
        return response

    serve(page, app)
    page.goto("http://app.test/bio?" + _query(PAYLOADS[kind]))
    assert page.title() == ("pwned" if runs else "")


def test_in_a_browser_our_nonced_script_runs_and_the_escaped_payload_is_text(page):
    serve(page, xss.app)
    page.goto("http://app.test/comments?" + _query(PAYLOADS["script"], key="name"))
    assert page.text_content("#status") == "our script ran"
    assert page.text_content("h1") == "Hello " + PAYLOADS["script"]
    assert page.title() == "Comments"


def _query(value, key="bio"):
    from urllib.parse import urlencode
    return urlencode({key: value})
