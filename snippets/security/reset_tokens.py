"""Password-reset and email-confirmation tokens with itsdangerous: one salt
per purpose, max_age, and a fingerprint of the password hash that makes a
reset token single use."""

import hashlib
from urllib.parse import urlsplit

from flask import Flask, abort, current_app, request, url_for
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from werkzeug.security import check_password_hash, generate_password_hash

USERS = {}   # id -> user row, for the example
OUTBOX = []  # the emails "sent": (to, link)


# --8<-- [start:tokens]
RESET, CONFIRM = "password-reset", "confirm-email"  # the salt names the purpose
MAX_AGE = {RESET: 3600, CONFIRM: 7 * 24 * 3600}     # seconds


def serializer(purpose):
    # the keys, oldest first, the current one last (as Flask does)
    config = current_app.config
    keys = [*(config["SECRET_KEY_FALLBACKS"] or ()), config["SECRET_KEY"]]
    return URLSafeTimedSerializer(keys, salt=purpose)


def fingerprint(user):
    """Changes whenever the password does, so a used or outdated reset
    token stops verifying."""
    return hashlib.sha256(user["password"].encode()).hexdigest()[:16]


def make_reset_token(user):
    return serializer(RESET).dumps({"uid": user["id"], "pw": fingerprint(user)})


def user_from_reset_token(token):
    try:
        data = serializer(RESET).loads(token, max_age=MAX_AGE[RESET])
    except SignatureExpired:
        abort(400, "This link has expired; ask for a new one.")
    except BadSignature:  # forged, truncated, or made for another purpose
        abort(400, "This link is not valid.")
    user = USERS.get(data["uid"])
    if user is None or data["pw"] != fingerprint(user):
        abort(400, "This link has already been used.")
    return user
# --8<-- [end:tokens]


def add_user(email, password):
    user = {
        "id": len(USERS) + 1,
        "email": email,
        "password": generate_password_hash(password),
        "confirmed": False,
    }
    USERS[user["id"]] = user
    return user


def create_app():
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY="dev-only-not-secret", SERVER_NAME="shop.example"
    )

    # --8<-- [start:views]
    @app.post("/reset")
    def ask_for_reset():
        email = request.form["email"]
        user = next((u for u in USERS.values() if u["email"] == email), None)
        if user is not None:
            token = make_reset_token(user)
            link = url_for("reset", token=token, _external=True)
            OUTBOX.append((user["email"], link))
        # the same answer either way: no account enumeration
        return {"sent": True}, 202

    @app.post("/reset/<token>")
    def reset(token):
        user = user_from_reset_token(token)
        # a new hash, so a new fingerprint: the link is now used up
        user["password"] = generate_password_hash(request.form["password"])
        return {"reset": user["email"]}
    # --8<-- [end:views]

    @app.post("/confirm/<token>")
    def confirm(token):
        try:
            data = serializer(CONFIRM).loads(token, max_age=MAX_AGE[CONFIRM])
        except BadSignature:  # SignatureExpired is a subclass
            abort(400, "This link is not valid.")
        user = USERS[data["uid"]]
        if user["email"] != data["email"]:
            abort(400, "This address has changed since the link was sent.")
        user["confirmed"] = True
        return {"confirmed": user["email"]}

    @app.post("/login")
    def login():
        email, password = request.form["email"], request.form["password"]
        user = next(u for u in USERS.values() if u["email"] == email)
        return {"ok": check_password_hash(user["password"], password)}

    return app


def make_confirm_token(user):
    payload = {"uid": user["id"], "email": user["email"]}
    return serializer(CONFIRM).dumps(payload)


def demo():
    """A reset link from the outbox, used once and then again, for the page."""
    USERS.clear()
    OUTBOX.clear()
    add_user("ada@example.com", "old password")
    app = create_app()
    client = app.test_client()
    base = "https://shop.example"
    client.post("/reset", data={"email": "ada@example.com"}, base_url=base)
    link = OUTBOX[-1][1]
    path = urlsplit(link).path
    token = path.removeprefix("/reset/")
    first = client.post(path, data={"password": "new password"}, base_url=base)
    again = client.post(path, data={"password": "attacker's"}, base_url=base)
    three_parts = token.count(".") == 2
    message = again.text.split("<p>")[-1].split("</p>")[0]
    return "\n".join([
        f"link:   {link[:60]}...",
        f"token:  {len(token)} characters, three dot-separated parts: "
        f"{three_parts}",
        f"first:  {first.status_code} {first.json}",
        f"again:  {again.status_code} {message}",
    ])


app = create_app()
