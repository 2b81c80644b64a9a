"""JWT with PyJWT: pin the algorithm, require an expiry, no secrets inside."""

import base64
import json
import secrets
from datetime import datetime, timedelta, timezone

import jwt

# from a secrets store in real life; 32 bytes or more
SIGNING_KEY = secrets.token_hex(32)


# --8<-- [start:tokens]
def issue(user_id, ttl=timedelta(minutes=15)):
    now = datetime.now(timezone.utc)
    # no secrets in here: anyone can read the claims
    claims = {"sub": str(user_id), "iat": now, "exp": now + ttl}
    return jwt.encode(claims, SIGNING_KEY, algorithm="HS256")


def verify(token):
    return jwt.decode(
        token, SIGNING_KEY,
        # pinned: never taken from the token
        algorithms=["HS256"],
        # a token without an expiry is rejected
        options={"require": ["exp", "iat", "sub"]},
    )
# --8<-- [end:tokens]


# --8<-- [start:attacks]
def b64(data):
    raw = base64.urlsafe_b64encode(json.dumps(data).encode())
    return raw.rstrip(b"=").decode()


def forge_alg_none(claims):
    """An unsigned token that claims it needs no signature."""
    return f"{b64({'alg': 'none', 'typ': 'JWT'})}.{b64(claims)}."


def read_without_key(token):
    """A JWT is signed, not encrypted: anyone can read the claims."""
    return jwt.decode(token, options={"verify_signature": False})


def attempt(token):
    try:
        return f"accepted {verify(token)['sub']}"
    except jwt.InvalidTokenError as error:
        return f"rejected: {type(error).__name__}: {error}"


def demo():
    stale = jwt.encode(
        {"sub": "42", "iat": 0, "exp": 1}, SIGNING_KEY, algorithm="HS256"
    )
    forever = jwt.encode(
        {"sub": "42", "iat": 0}, SIGNING_KEY, algorithm="HS256"
    )
    forged = forge_alg_none({"sub": "1", "iat": 0, "exp": 2**31})
    readable = read_without_key(issue(42))["sub"]
    return "\n".join([
        f"valid token:        {attempt(issue(42))}",
        f"alg none, sub=1:    {attempt(forged)}",
        f"expired:            {attempt(stale)}",
        f"no exp claim:       {attempt(forever)}",
        f"payload, no key:    {readable!r} is readable by anyone",
    ])
# --8<-- [end:attacks]
