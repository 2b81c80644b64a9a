"""SSRF: the defence holds against internal addresses, odd spellings, redirects and DNS rebinding.

Nothing leaves 127.0.0.0/8. Names resolve through a stub (`names`): a name it does not know
fails the test instead of reaching a DNS server, and IP literals are parsed with
AI_NUMERICHOST, which never asks one. Two real HTTP servers stand in for the network:
"internal" on 127.0.0.1 (the metadata service, an admin port) and "public" on 127.0.0.2, which
the tests' policy treats as the public internet. Every request each one receives is recorded,
so a test can prove that a refused fetch never reached it.
"""

import http.server
import socket

import pytest

from snippets.security import ssrf, ssrf_unsafe
from snippets.security.ssrf import Refused, allowed_address, fetch
from tests.servers import in_a_thread

PUBLIC_STAND_IN = "127.0.0.2"
real_getaddrinfo = socket.getaddrinfo


def server_on(host, answers, log):
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            log.append((self.headers["Host"], self.path))
            status, headers, body = answers(self.path)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    return in_a_thread(http.server.ThreadingHTTPServer((host, 0), Handler))


class Net:
    """The two servers' addresses, what each received, the stub's names and its lookups."""


@pytest.fixture(scope="module")
def servers():
    Net.internal_log, Net.public_log = [], []
    internal = lambda path: (200, {}, b"ACCESS_KEY=internal-secret")  # noqa: E731
    with server_on("127.0.0.1", internal, Net.internal_log) as internal_port:
        Net.internal = f"http://127.0.0.1:{internal_port}"

        def public(path):
            if path == "/go":
                return 302, {"Location": f"{Net.internal}/latest/meta-data/"}, b""
            if path == "/hop":
                return 302, {"Location": "/hop"}, b""
            return 200, {}, b"a public page"

        with server_on(PUBLIC_STAND_IN, public, Net.public_log) as public_port:
            Net.public_port = public_port
            Net.public = f"http://{PUBLIC_STAND_IN}:{public_port}"
            yield Net


@pytest.fixture
def net(servers, monkeypatch):
    """Fresh logs, the stub resolver, and no proxy from the environment."""
    for name in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    servers.internal_log.clear()
    servers.public_log.clear()
    servers.names, servers.lookups = {}, []

    def resolve(host, port, *args, **kwargs):
        servers.lookups.append(host)
        if host in servers.names:
            answers = servers.names[host]  # one answer per lookup, the last one repeated
            answer = answers.pop(0) if len(answers) > 1 else answers[0]
            return [info for address in ((answer,) if isinstance(answer, str) else answer)
                    for info in real_getaddrinfo(address, port, type=socket.SOCK_STREAM,
                                                 flags=socket.AI_NUMERICHOST)]
        try:
            return real_getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_NUMERICHOST)
        except socket.gaierror:
            pytest.fail(f"{host!r} would need a real DNS lookup; give it to the stub")

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    return servers


def public_stand_in(address):
    """The real policy, except that 127.0.0.2 plays the public internet."""
    return address == PUBLIC_STAND_IN or allowed_address(address)


@pytest.mark.parametrize("address", [
    "127.0.0.1", "10.0.0.5", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
    "0.0.0.0", "::1", "::", "fe80::1%eth0", "fd00:ec2::254", "::ffff:127.0.0.1",
    "::ffff:169.254.169.254", "64:ff9b::7f00:1", "224.0.0.1", "198.18.0.1",
])
def test_internal_addresses_are_refused(address):
    assert not allowed_address(address)


@pytest.mark.parametrize("address", ["93.184.215.14", "2606:4700::1111", "64:ff9b::808:808"])
def test_public_addresses_are_allowed(address):
    assert allowed_address(address)


def test_is_global_alone_lets_multicast_and_nat64_loopback_through():
    import ipaddress
    assert ipaddress.ip_address("224.0.0.1").is_global
    assert ipaddress.ip_address("64:ff9b::7f00:1").is_global  # 127.0.0.1 through a NAT64 gateway


@pytest.mark.parametrize("spelling", ["127.0.0.1", "2130706433", "0x7f.1", "127.1", "[::ffff:7f00:1]"])
def test_every_spelling_of_loopback_is_refused_after_resolution(net, spelling):
    port = net.internal.rsplit(":", 1)[1]
    with pytest.raises(Refused, match="not a public address"):
        fetch(f"http://{spelling}:{port}/latest/meta-data/")
    assert net.internal_log == []  # not one packet reached it


def test_a_text_blocklist_is_bypassed_by_another_spelling(net):
    port = net.internal.rsplit(":", 1)[1]
    with pytest.raises(Refused):
        ssrf_unsafe.fetch_checking_the_text(f"http://127.0.0.1:{port}/")
    assert ssrf_unsafe.fetch_checking_the_text(f"http://2130706433:{port}/latest/meta-data/") == (
        b"ACCESS_KEY=internal-secret")


def test_a_name_that_resolves_inside_is_refused(net):
    net.names["metadata.attacker.test"] = ["127.0.0.1"]
    with pytest.raises(Refused, match="127.0.0.1"):
        fetch(f"http://metadata.attacker.test:{net.internal.rsplit(':', 1)[1]}/")
    assert net.internal_log == []


def test_one_internal_answer_among_public_ones_is_enough_to_refuse(net):
    net.names["both.attacker.test"] = [(PUBLIC_STAND_IN, "127.0.0.1")]  # two A records
    with pytest.raises(Refused, match="127.0.0.1, 127.0.0.2"):
        fetch(f"http://both.attacker.test:{net.public_port}/", allowed=public_stand_in)
    assert net.public_log == net.internal_log == []


def test_a_public_page_is_fetched_with_its_host_header(net):
    net.names["shop.example"] = [PUBLIC_STAND_IN]
    url = f"http://shop.example:{net.public_port}/page?x=1"
    assert fetch(url, allowed=public_stand_in) == (200, b"a public page")
    assert net.public_log == [(f"shop.example:{net.public_port}", "/page?x=1")]


def test_a_redirect_to_an_internal_address_is_checked_and_refused(net):
    with pytest.raises(Refused, match="127.0.0.1"):
        fetch(f"{net.public}/go", allowed=public_stand_in)
    assert [path for _, path in net.public_log] == ["/go"] and net.internal_log == []


def test_check_then_open_does_refuse_a_plain_internal_name(net):
    net.names["metadata.attacker.test"] = ["127.0.0.1"]
    with pytest.raises(Refused):
        ssrf_unsafe.fetch_checking_then_opening("http://metadata.attacker.test/")


def test_urllib_follows_the_same_redirect_inside(net):
    assert ssrf_unsafe.fetch_checking_then_opening(f"{net.public}/go", allowed=public_stand_in) == (
        b"ACCESS_KEY=internal-secret")
    assert net.internal_log == [(net.internal.removeprefix("http://"), "/latest/meta-data/")]


def test_a_redirect_loop_is_cut_short(net):
    with pytest.raises(Refused, match="too many redirects"):
        fetch(f"{net.public}/hop", allowed=public_stand_in)
    assert len(net.public_log) == 4  # the first request and three redirects


def test_dns_rebinding_beats_check_then_open(net):
    # The attacker's DNS answers public for the check, then 127.0.0.1 (TTL 0) for urllib.
    net.names["rebind.attacker.test"] = [PUBLIC_STAND_IN, "127.0.0.1"]
    url = f"http://rebind.attacker.test:{net.internal.rsplit(':', 1)[1]}/latest/meta-data/"
    assert ssrf_unsafe.fetch_checking_then_opening(url, allowed=public_stand_in) == (
        b"ACCESS_KEY=internal-secret")
    assert net.lookups.count("rebind.attacker.test") == 2  # checked one answer, used another


def test_dns_rebinding_fails_against_the_pinned_address(net):
    net.names["rebind.attacker.test"] = [PUBLIC_STAND_IN, "127.0.0.1"]
    url = f"http://rebind.attacker.test:{net.public_port}/"
    assert fetch(url, allowed=public_stand_in) == (200, b"a public page")
    assert net.lookups.count("rebind.attacker.test") == 1 and net.internal_log == []


def test_other_schemes_and_hostless_urls_are_refused():
    for url in ("file:///etc/passwd", "gopher://127.0.0.1:6379/_INFO", "http:///path", "ftp://x/"):
        with pytest.raises(Refused, match="only http://"):
            fetch(url)


def test_the_view_refuses_the_metadata_address_without_connecting(net):
    response = ssrf.app.test_client().post("/preview", data={"url": "http://169.254.169.254/latest/meta-data/"})
    assert response.status_code == 400 and b"not a public address: 169.254.169.254" in response.data


def test_the_view_answers_502_when_the_fetch_fails(net, monkeypatch):
    def unreachable(url):
        raise ConnectionRefusedError

    monkeypatch.setattr(ssrf, "fetch", unreachable)
    assert ssrf.app.test_client().post("/preview", data={"url": "http://x.test/"}).status_code == 502


def test_the_view_reports_what_it_fetched(net, monkeypatch):
    monkeypatch.setattr(ssrf, "fetch", lambda url: fetch(url, allowed=public_stand_in))
    response = ssrf.app.test_client().post("/preview", data={"url": f"{net.public}/"})
    assert response.json == {"status": 200, "bytes": len(b"a public page")}
