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
