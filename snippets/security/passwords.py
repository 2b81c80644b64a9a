"""Storing and checking passwords with Werkzeug; comparing secrets safely."""

import hmac

from werkzeug.security import check_password_hash, generate_password_hash

# --8<-- [start:hash]
CURRENT_METHOD = "scrypt:32768:8:1"  # Werkzeug 3.1's default, spelled out
USERS = {}  # name -> stored hash; a table in real life
# Checked against when the user does not exist, so "no such user" costs as much
# time as "wrong password" and response times do not reveal who has an account.
DUMMY_HASH = generate_password_hash("not-a-real-password")


def register(name, password):
    # salt + scrypt, never the password itself
    USERS[name] = generate_password_hash(password)


def verify(name, password):
    stored = USERS.get(name)
    if stored is None:
        check_password_hash(DUMMY_HASH, password)
        return False
    if not check_password_hash(stored, password):
        return False
    # an old pbkdf2 hash: upgrade it now, the only time we see the password
    if not stored.startswith(CURRENT_METHOD + "$"):
        USERS[name] = generate_password_hash(password)
    return True
# --8<-- [end:hash]


# --8<-- [start:compare]
def api_key_matches(given: str, expected: str) -> bool:
    """== stops at the first differing byte; compare_digest reads both fully."""
    return hmac.compare_digest(given.encode(), expected.encode())
# --8<-- [end:compare]


# --8<-- [start:demo]
def demo():
    first = generate_password_hash("hunter2")
    second = generate_password_hash("hunter2")
    method, salt, digest = first.split("$")
    return "\n".join([
        f"stored:      {first[:48]}...",
        f"method:      {method}",
        f"salt:        {salt} ({len(salt)} chars)",
        f"digest:      {len(digest)} hex chars",
        f"same password, second hash equal? {first == second}",
        f"check right: {check_password_hash(first, 'hunter2')}",
        f"check wrong: {check_password_hash(first, 'hunter3')}",
    ])
# --8<-- [end:demo]
