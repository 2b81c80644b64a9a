# --8<-- [start:conftest]
import pytest

from shop import app as shop_app


@pytest.fixture
def app():
    shop_app.config.update(TESTING=True)
    return shop_app


@pytest.fixture
def client(app):
    return app.test_client()
# --8<-- [end:conftest]
