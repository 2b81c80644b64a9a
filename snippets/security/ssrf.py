"""Fetching a URL a user gave, safely: resolve once, check every address,
connect to the address that was checked, and check every redirect hop the
same way."""

import http.client
import ipaddress
import socket
from urllib.parse import urljoin, urlsplit

from flask import Flask, abort, request

MAX_BYTES = 1_000_000
NAT64 = ipaddress.ip_network("64:ff9b::/96")


class Refused(ValueError):
    """The URL, or an address it resolves to, is not one we may fetch."""


# --8<-- [start:policy]
def allowed_address(text):
    # drop an IPv6 zone such as %eth0
    ip = ipaddress.ip_address(text.split("%")[0])
    # ::ffff:127.0.0.1 is 127.0.0.1
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    # 64:ff9b::7f00:1 is routed to 127.0.0.1
    if ip.version == 6 and ip in NAT64:
        ip = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    # is_global is False for loopback, private, link-local (169.254.169.254,
    # the cloud metadata service), shared (100.64/10), unspecified and
    # reserved ranges, v4 and v6
    return ip.is_global and not ip.is_multicast
# --8<-- [end:policy]


# --8<-- [start:fetch]
def fetch(url, allowed=allowed_address, max_redirects=3, timeout=5):
    for _ in range(max_redirects + 1):
        parts = urlsplit(url)
        if parts.scheme != "http" or not parts.hostname:
            raise Refused(f"only http:// URLs with a host: {url!r}")
        port = parts.port or 80
        infos = socket.getaddrinfo(
            parts.hostname, port, type=socket.SOCK_STREAM
        )
        addresses = sorted({info[4][0] for info in infos})
        # one bad answer is enough
        if not all(allowed(address) for address in addresses):
            raise Refused(
                f"not a public address: {parts.hostname}"
                f" ({', '.join(addresses)})"
            )
        # connect to the address just checked: a second lookup could
        # answer differently
        connection = http.client.HTTPConnection(
            addresses[0], port, timeout=timeout
        )
        try:
            query = f"?{parts.query}" if parts.query else ""
            target = (parts.path or "/") + query
            connection.request("GET", target, headers={"Host": parts.netloc})
            response = connection.getresponse()
            if response.status in (301, 302, 303, 307, 308):
                # checked on the next turn of the loop
                url = urljoin(url, response.getheader("Location", ""))
                continue
            return response.status, response.read(MAX_BYTES)
        finally:
            connection.close()
    raise Refused("too many redirects")
# --8<-- [end:fetch]


# --8<-- [start:app]
app = Flask(__name__)


@app.post("/preview")
def preview():
    try:
        status, body = fetch(request.form["url"])
    except Refused as refused:
        abort(400, str(refused))
    except OSError:  # refused connection, timeout, bad status line
        abort(502, "could not fetch that URL")
    return {"status": status, "bytes": len(body)}
# --8<-- [end:app]
