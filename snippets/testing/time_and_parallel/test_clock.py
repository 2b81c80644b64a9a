"""Expiry tested by moving the clock instead of waiting for it."""

import datetime as dt

import pytest
import time_machine
from clock_app import create_app

START = dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.timezone.utc)


# --8<-- [start:clock]
@pytest.fixture
def clock():
    """The clock frozen at START; `clock.shift(seconds)` moves it."""
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


@pytest.fixture
def client(clock):  # the app and its cookies are made under the frozen clock
    return create_app().test_client()
# --8<-- [end:clock]


# --8<-- [start:session]
def test_an_idle_session_expires_after_30_minutes(client, clock):
    client.post("/login")
    clock.shift(dt.timedelta(minutes=30))
    # still valid, and re-signed now
    assert client.get("/me").json == {"user": "ada"}
    clock.shift(dt.timedelta(minutes=30, seconds=1))
    assert client.get("/me").json == {"user": None}  # idle too long


def test_an_active_session_keeps_sliding(client, clock):
    client.post("/login")
    for _ in range(4):  # two hours, a request every 29 minutes
        clock.shift(dt.timedelta(minutes=29))
        assert client.get("/me").json == {"user": "ada"}
# --8<-- [end:session]


# --8<-- [start:token-and-limit]
def test_a_download_link_lasts_ten_minutes(client, clock):
    token = client.get("/link").json["token"]
    clock.shift(600)
    assert client.get(f"/download/{token}").status_code == 200
    clock.shift(1)
    assert client.get(f"/download/{token}").status_code == 410


def test_the_rate_limit_window_resets(client, clock):
    statuses = [client.get("/search").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    clock.shift(60)
    assert client.get("/search").status_code == 200
# --8<-- [end:token-and-limit]
