"""A default server that rejects unknown hosts (444, ssl_reject_handshake), and HSTS from nginx."""

import http.client
import socket
import ssl

import pytest

from tests.deployment.stack import APP, CONFIG, DEPLOY, MAIN_CONF, SITE, certificate, environment, fill
from tests.servers import free_port, gunicorn, nginx, wait_for

CATCH_ALL = DEPLOY / "nginx-catch-all.conf"
HSTS = "max-age=63072000"


class Front:
    """nginx with the catch-all server and the shop's site on the same two ports."""

    def __init__(self, directory, http_port, https_port, cert):
        self.directory, self.http_port, self.https_port, self.cert = directory, http_port, https_port, cert

    def plain(self, host, path="/healthz"):
        conn = http.client.HTTPConnection("127.0.0.1", self.http_port, timeout=10)
        try:
            conn.request("GET", path, headers={"Host": host})
            response = conn.getresponse()
            return response.status, response.headers
        finally:
            conn.close()

    def tls(self, sni, host, path="/healthz"):
        """A request over TLS naming `sni` in the handshake (None: no name, as for a bare IP)."""
        context = ssl.create_default_context(cafile=str(self.cert))
        context.check_hostname = sni is not None
        raw = socket.create_connection(("127.0.0.1", self.https_port), timeout=10)
        conn = http.client.HTTPConnection("127.0.0.1", self.https_port, timeout=10)
        try:
            conn.sock = context.wrap_socket(raw, server_hostname=sni)
            conn.request("GET", path, headers={"Host": host})
            response = conn.getresponse()
            response.read()
            return response.status, response.headers
        finally:
            conn.close()
            raw.close()


def start(directory, site_text, upstream):
    cert, key = certificate(directory)
    http_port, https_port = free_port(), free_port()
    values = dict(UPSTREAM=upstream, HTTP_LISTEN=f"127.0.0.1:{http_port}", HTTPS_LISTEN=f"127.0.0.1:{https_port}",
                  CERT=cert, KEY=key, STATIC_ROOT=DEPLOY / "shop" / "static")
    site = fill(CATCH_ALL.read_text(), **values) + fill(site_text, **values)
    return nginx(MAIN_CONF.format(d=directory, site=site), directory, https_port), \
        Front(directory, http_port, https_port, cert)


@pytest.fixture(scope="module")
def front(tmp_path_factory):
    directory = tmp_path_factory.mktemp("catch-all")
    with gunicorn(APP, directory, config=CONFIG, env=environment()) as upstream:
        server, front = start(directory, SITE.read_text(), upstream.removeprefix("http://"))
        with server:
            yield front


def test_an_unknown_host_on_plain_http_gets_no_response_at_all(front):
    with pytest.raises(http.client.RemoteDisconnected):
        front.plain("evil.example")
    wait_for(lambda: '"GET /healthz HTTP/1.1" 444' in (front.directory / "access.log").read_text(),
             what="the 444 in nginx's log")
    assert front.plain("shop.example.com")[0] == 301  # the shop's own name still reaches it


def test_a_tls_client_that_names_no_known_host_gets_no_certificate(front):
    for sni in (None, "evil.example"):  # no SNI (a scan of the address), or a name nobody serves
        with pytest.raises(ssl.SSLError, match="UNRECOGNIZED_NAME|HANDSHAKE_FAILURE"):
            front.tls(sni, "shop.example.com")


def test_the_shop_over_tls_sends_hsts_even_on_errors(front):
    status, headers = front.tls("shop.example.com", "shop.example.com")
    assert (status, headers["Strict-Transport-Security"]) == (200, HSTS)
    status, headers = front.tls("shop.example.com", "shop.example.com", "/nope")
    assert (status, headers["Strict-Transport-Security"]) == (404, HSTS)  # `always`
    status, headers = front.tls("shop.example.com", "shop.example.com", "/static/site.css")
    assert (status, headers["Strict-Transport-Security"]) == (200, HSTS)  # `expires` is not add_header
    status, headers = front.plain("shop.example.com")
    assert status == 301 and "Strict-Transport-Security" not in headers  # browsers ignore it over http


def test_a_name_other_than_the_handshakes_is_answered_by_the_server_it_names(front):
    """SNI picks the certificate; the Host header then picks the server again. A known SNI does
    not let an unknown Host through: that request meets the catch-all's 444."""
    with pytest.raises(http.client.RemoteDisconnected):
        front.tls("shop.example.com", "evil.example")


def test_an_add_header_in_a_location_drops_the_servers_hsts(tmp_path):
    site = SITE.read_text().replace("        expires 1h;\n", "        expires 1h;\n        add_header X-Static yes;\n")
    without_always = site.replace(f'"{HSTS}" always;', f'"{HSTS}";')
    assert without_always != site
    server, front = start(tmp_path, without_always, f"127.0.0.1:{free_port()}")  # nothing listens: 502
    with server:
        status, headers = front.tls("shop.example.com", "shop.example.com", "/static/site.css")
        error, error_headers = front.tls("shop.example.com", "shop.example.com", "/healthz")
    assert (status, headers["X-Static"]) == (200, "yes")
    assert "Strict-Transport-Security" not in headers  # the location's add_header replaced the server's
    assert error == 502 and "Strict-Transport-Security" not in error_headers  # no `always`: not on errors
