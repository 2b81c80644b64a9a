import pytest

from snippets.security import login_limits

RIGHT = {"user": "ada", "password": "correct horse battery staple"}
WRONG = {"user": "ada", "password": "guess"}


@pytest.fixture(autouse=True)
def fresh_limits():
    login_limits.limiter.reset()
    yield
    login_limits.limiter.reset()


def test_fourth_failure_from_one_address_is_429():
    client = login_limits.app.test_client()
    codes = [client.post("/login", data=WRONG).status_code for _ in range(4)]
    assert codes == [401] * 3 + [429]
    blocked = client.post("/login", data=RIGHT)  # even the right password, for now
    assert blocked.status_code == 429
    assert int(blocked.headers["Retry-After"]) <= 60


def test_successful_logins_do_not_use_up_the_budget():
    client = login_limits.app.test_client()
    assert {client.post("/login", data=RIGHT).status_code for _ in range(4)} == {200}


def test_per_account_limit_catches_attempts_spread_over_addresses():
    client = login_limits.app.test_client()
    codes = [client.post("/login", data=WRONG, environ_base={"REMOTE_ADDR": f"203.0.113.{n}"}).status_code
             for n in range(6)]
    assert codes == [401] * 5 + [429]


def test_anyone_can_lock_an_account_for_an_hour():
    # The per-account key is the submitted user name, so an attacker's failures use up ada's
    # budget, and the real ada, from her own address, with her own password, is refused.
    client = login_limits.app.test_client()
    for n in range(5):
        client.post("/login", data=WRONG, environ_base={"REMOTE_ADDR": f"203.0.113.{n}"})
    response = client.post("/login", data=RIGHT, environ_base={"REMOTE_ADDR": "198.51.100.7"})
    assert response.status_code == 429
    assert 3500 < int(response.headers["Retry-After"]) <= 3600
