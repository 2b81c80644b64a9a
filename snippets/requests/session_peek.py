"""Read a Flask session cookie without the secret key, then try to forge one."""

import base64
import json
import zlib

from snippets.requests.sessions import app


# --8<-- [start:peek]
def read_without_key(cookie_value):
    """Payload of an itsdangerous token: base64(json).timestamp.signature."""
    compressed = cookie_value.startswith(
        "."
    )  # "." prefix: zlib-compressed payload
    payload = cookie_value.lstrip(".").split(".")[0]
    raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    return json.loads(zlib.decompress(raw) if compressed else raw)


def forge(cookie_value, new_data):
    """Swap in a new payload but keep the old timestamp and signature."""
    _, timestamp, signature = cookie_value.split(".")
    payload = base64.urlsafe_b64encode(json.dumps(new_data).encode()).rstrip(
        b"="
    )
    return f"{payload.decode()}.{timestamp}.{signature}"


# --8<-- [end:peek]


# --8<-- [start:demo]
def demo():
    client = app.test_client()
    client.post("/login", data={"name": "ada"})
    cookie = client.get_cookie("session").value
    lines = [
        f"cookie:          {cookie}",
        f"read, no key:    {read_without_key(cookie)}",
    ]
    client.set_cookie("session", forge(cookie, {"user": "admin"}))
    lines.append(f"forged cookie -> /me says {client.get('/me').json}")
    return "\n".join(lines)


# --8<-- [end:demo]
