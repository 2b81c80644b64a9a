"""UNSAFE: two URL fetchers that look careful and are not. Do not copy them.

The first checks the URL's text against a blocklist; the second resolves the name and checks
the addresses, then lets urllib resolve it again and follow redirects unchecked.
"""

import ipaddress
import socket
import urllib.request
from urllib.parse import urlsplit

from snippets.security.ssrf import Refused, allowed_address


# --8<-- [start:blocklist]
def fetch_checking_the_text(url):
    host = urlsplit(url).hostname or ""
    if host == "localhost" or host.startswith(("127.", "10.", "192.168.", "169.254.")):
        raise Refused(host)
    with urllib.request.urlopen(url, timeout=5) as response:  # follows redirects too
        return response.read()
# --8<-- [end:blocklist]


# --8<-- [start:check-then-open]
def fetch_checking_then_opening(url, allowed=allowed_address):
    parts = urlsplit(url)
    for info in socket.getaddrinfo(parts.hostname, parts.port or 80, type=socket.SOCK_STREAM):
        if not allowed(info[4][0]):
            raise Refused(str(ipaddress.ip_address(info[4][0])))
    with urllib.request.urlopen(url, timeout=5) as response:  # resolves the name again
        return response.read()
# --8<-- [end:check-then-open]
