import re

from flask import Flask, url_for

from snippets.security import security_headers, talisman_app


def test_after_request_sets_the_headers_on_every_response():
    client = security_headers.app.test_client()
    for response in (client.get("/"), client.get("/missing")):
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["X-Frame-Options"] == "DENY"
        assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert client.get("/missing").status_code == 404


def test_hsts_only_over_https_as_reported_by_the_proxy():
    client = security_headers.app.test_client()
    plain = client.get("/")
    assert (plain.json, "Strict-Transport-Security" in plain.headers) == ({"scheme": "http"}, False)
    proxied = client.get("/", headers={"X-Forwarded-Proto": "https"})
    assert proxied.json == {"scheme": "https"}  # ProxyFix(x_proto=1) believed the proxy
    assert proxied.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_talisman_redirects_plain_http_to_https():
    response = talisman_app.app.test_client().get("/")
    assert (response.status_code, response.headers["Location"]) == (302, "https://localhost/")


def test_talisman_headers_over_https():
    response = talisman_app.app.test_client().get("/", base_url="https://localhost")
    headers = response.headers
    assert response.status_code == 200
    assert headers["Strict-Transport-Security"] == "max-age=31556926; includeSubDomains"
    assert headers["X-Frame-Options"] == "SAMEORIGIN"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    nonce = re.search(r"'nonce-([^']+)'", headers["Content-Security-Policy"]).group(1)
    assert headers["Content-Security-Policy"] == (
        f"default-src 'self'; script-src 'self' 'nonce-{nonce}'; object-src 'none'")
    assert f'<script nonce="{nonce}">' in response.text


def test_talisman_trusts_x_forwarded_proto_by_itself():
    response = talisman_app.app.test_client().get("/", headers={"X-Forwarded-Proto": "https"})
    assert response.status_code == 200
    assert "Strict-Transport-Security" in response.headers


def test_talisman_does_not_redirect_in_debug_mode():
    app = talisman_app.create_app()
    app.debug = True
    assert app.test_client().get("/").status_code == 200


def test_talisman_marks_the_session_cookie_secure():
    app = talisman_app.create_app()
    app.test_client().get("/", base_url="https://localhost")
    assert app.config["SESSION_COOKIE_SECURE"] is True


def test_trusted_hosts_refuses_a_forged_host_header():
    app = Flask(__name__)

    @app.get("/reset-link")
    def reset_link():
        return url_for("reset_link", _external=True)  # built from the Host header

    client = app.test_client()
    assert client.get("/reset-link", headers={"Host": "evil.example"}).text == "http://evil.example/reset-link"
    app.config["TRUSTED_HOSTS"] = ["app.example"]  # Flask 3.1.0
    assert client.get("/reset-link", headers={"Host": "evil.example"}).status_code == 400
    assert client.get("/reset-link", base_url="https://app.example").text == "https://app.example/reset-link"
