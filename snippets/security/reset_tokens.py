"""Password-reset and email-confirmation tokens with itsdangerous: one salt per purpose,
max_age, and a fingerprint of the password hash that makes a reset token single use."""

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
    config = current_app.config  # the keys, oldest first, the current one last (as Flask does)
    keys = [*(config["SECRET_KEY_FALLBACKS"] or ()), config["SECRET_KEY"]]
    return URLSafeTimedSerializer(keys, salt=purpose)


def fingerprint(user):
    """Changes whenever the password does, so a used or outdated reset token stops verifying."""
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
    user = {"id": len(USERS) + 1, "email": email, "password": generate_password_hash(password),
            "confirmed": False}
    USERS[user["id"]] = user
    return user


def create_app():
    app = Flask(__name__)
    app.config.update(SECRET_KEY="dev-only-not-secret", SERVER_NAME="shop.example")

    # --8<-- [start:views]
    @app.post("/reset")
    def ask_for_reset():
        user = next((u for u in USERS.values() if u["email"] == request.form["email"]), None)
        if user is not None:
            link = url_for("reset", token=make_reset_token(user), _external=True)
            OUTBOX.append((user["email"], link))
        return {"sent": True}, 202  # the same answer either way: no account enumeration

    @app.post("/reset/<token>")
    def reset(token):
        user = user_from_reset_token(token)
        user["password"] = generate_password_hash(request.form["password"])  # new fingerprint
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
        user = next(u for u in USERS.values() if u["email"] == request.form["email"])
        return {"ok": check_password_hash(user["password"], request.form["password"])}

    return app


def make_confirm_token(user):
    return serializer(CONFIRM).dumps({"uid": user["id"], "email": user["email"]})


def demo():
    """A reset link from the outbox, used once and then again, for the page."""
    USERS.clear()
    OUTBOX.clear()
    add_user("ada@example.com", "old password")
    app = create_app()
    client = app.test_client()
    client.post("/reset", data={"email": "ada@example.com"}, base_url="https://shop.example")
    link = OUTBOX[-1][1]
    path = urlsplit(link).path
    token = path.removeprefix("/reset/")
    first = client.post(path, data={"password": "new password"}, base_url="https://shop.example")
    again = client.post(path, data={"password": "attacker's"}, base_url="https://shop.example")
    return "\n".join([
        f"link:   {link[:60]}...",
        f"token:  {len(token)} characters, three dot-separated parts: {token.count('.') == 2}",
        f"first:  {first.status_code} {first.json}",
        f"again:  {again.status_code} {again.text.split('<p>')[-1].split('</p>')[0]}",
    ])


app = create_app()
