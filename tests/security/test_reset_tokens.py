"""Reset and confirmation tokens: purpose salts, max_age under a moved clock, single use."""

import datetime as dt
from urllib.parse import urlsplit

import pytest
import time_machine
from itsdangerous import URLSafeTimedSerializer

from snippets.security import reset_tokens
from snippets.security.reset_tokens import OUTBOX, USERS

HTTPS = {"base_url": "https://shop.example"}
START = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def app():
    USERS.clear()
    OUTBOX.clear()
    reset_tokens.add_user("ada@example.com", "old password")
    return reset_tokens.create_app()


def reset_link(client):
    assert client.post("/reset", data={"email": "ada@example.com"}, **HTTPS).status_code == 202
    return urlsplit(OUTBOX[-1][1]).path


def message(response):
    return response.text.split("<p>")[-1].split("</p>")[0]


def test_the_demo_uses_a_link_once():
    assert reset_tokens.demo().splitlines()[2:] == [
        "first:  200 {'reset': 'ada@example.com'}",
        "again:  400 This link has already been used."]


def test_unknown_address_gets_the_same_answer_and_no_mail(app):
    response = app.test_client().post("/reset", data={"email": "nobody@example.com"}, **HTTPS)
    assert (response.status_code, response.json, OUTBOX) == (202, {"sent": True}, [])


def test_a_reset_link_changes_the_password_once(app):
    client = app.test_client()
    path = reset_link(client)
    assert client.post(path, data={"password": "new password"}, **HTTPS).json == {"reset": "ada@example.com"}
    assert client.post("/login", data={"email": "ada@example.com", "password": "new password"}).json == {"ok": True}
    replay = client.post(path, data={"password": "attacker"}, **HTTPS)
    assert (replay.status_code, message(replay)) == (400, "This link has already been used.")


def test_a_password_change_by_any_route_invalidates_outstanding_links(app):
    client = app.test_client()
    path = reset_link(client)
    USERS[1]["password"] = reset_tokens.generate_password_hash("changed in settings")
    assert message(client.post(path, data={"password": "x"}, **HTTPS)) == "This link has already been used."


def test_the_reset_link_expires_after_an_hour(app):
    client = app.test_client()
    with time_machine.travel(START, tick=False) as clock:
        path = reset_link(client)
        clock.shift(dt.timedelta(seconds=3600))  # age == max_age: still valid...
        with app.test_request_context():
            assert reset_tokens.user_from_reset_token(path.split("/")[-1]) is USERS[1]
        clock.shift(dt.timedelta(seconds=1))  # ...one second more is not
        late = client.post(path, data={"password": "new"}, **HTTPS)
    assert (late.status_code, message(late)) == (400, "This link has expired; ask for a new one.")


def test_a_token_for_one_purpose_is_refused_for_another(app):
    client = app.test_client()
    with app.app_context():
        confirm = reset_tokens.make_confirm_token(USERS[1])
        # the same payload shape signed with the same key but no salt: refused too
        unsalted = URLSafeTimedSerializer(app.secret_key).dumps({"uid": 1, "pw": reset_tokens.fingerprint(USERS[1])})
    for token in (confirm, unsalted, "not-a-token"):
        response = client.post(f"/reset/{token}", data={"password": "x"}, **HTTPS)
        assert (response.status_code, message(response)) == (400, "This link is not valid.")
    assert client.post(f"/confirm/{confirm}", **HTTPS).json == {"confirmed": "ada@example.com"}


def test_a_confirmation_link_for_an_old_address_is_refused(app):
    with app.app_context():
        token = reset_tokens.make_confirm_token(USERS[1])
    USERS[1]["email"] = "ada@new.example"
    response = app.test_client().post(f"/confirm/{token}", **HTTPS)
    assert message(response) == "This address has changed since the link was sent."


def test_the_confirmation_link_lasts_a_week(app):
    client = app.test_client()
    with time_machine.travel(START, tick=False) as clock:
        with app.app_context():
            token = reset_tokens.make_confirm_token(USERS[1])
        clock.shift(dt.timedelta(days=7, seconds=1))
        assert client.post(f"/confirm/{token}", **HTTPS).status_code == 400


def test_tokens_survive_a_key_rotation_and_are_signed_with_the_new_key(app):
    with app.app_context():
        old = reset_tokens.make_reset_token(USERS[1])
    app.config.update(SECRET_KEY="new-key", SECRET_KEY_FALLBACKS=["dev-only-not-secret"])
    with app.test_request_context():
        assert reset_tokens.user_from_reset_token(old) is USERS[1]
        fresh = reset_tokens.make_reset_token(USERS[1])
    assert URLSafeTimedSerializer("new-key", salt="password-reset").loads(fresh)["uid"] == 1


def test_the_payload_is_readable_without_the_key(app):
    with app.app_context():
        token = reset_tokens.make_reset_token(USERS[1])
    payload = URLSafeTimedSerializer("any key", salt="password-reset").loads_unsafe(token)[1]
    assert payload == {"uid": 1, "pw": reset_tokens.fingerprint(USERS[1])}  # signed, not secret
