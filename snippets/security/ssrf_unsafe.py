"""UNSAFE: two URL fetchers that look careful and are not. Do not copy them.

The first checks the URL's text against a blocklist; the second resolves the
name and checks the addresses, then lets urllib resolve it again and follow
redirects unchecked.
"""

import ipaddress
import socket
import urllib.request
from urllib.parse import urlsplit

from snippets.security.ssrf import Refused, allowed_address


# --8<-- [start:blocklist]
def fetch_checking_the_text(url):
    host = urlsplit(url).hostname or ""
    blocked = ("127.", "10.", "192.168.", "169.254.")
    if host == "localhost" or host.startswith(blocked):
        raise Refused(host)
    # follows redirects too
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read()
# --8<-- [end:blocklist]


# --8<-- [start:check-then-open]
def fetch_checking_then_opening(url, allowed=allowed_address):
    parts = urlsplit(url)
    port = parts.port or 80
    infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    for info in infos:
        if not allowed(info[4][0]):
            raise Refused(str(ipaddress.ip_address(info[4][0])))
    # resolves the name again
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read()
# --8<-- [end:check-then-open]
