"""Fixtures every test in tests_example/ can ask for, by name."""

import socket

import pytest
from werkzeug.security import generate_password_hash

from journal import create_app
from journal.models import User, db

# --8<-- [start:app]
# A test user needs a hash, not a strong one: one PBKDF2 round, not scrypt.
# check_password_hash reads the method from the hash, so logins stay cheap too.
ADA_PASSWORD_HASH = generate_password_hash("lovelace", method="pbkdf2:sha256:1")


@pytest.fixture
def app(tmp_path):
    app = create_app({
        "TESTING": True,
        "SECRET_KEY": "test",
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'test.db'}",
    })
    with app.app_context():
        db.create_all()
        db.session.add(User(username="ada", password_hash=ADA_PASSWORD_HASH))
        db.session.commit()
    yield app
    with app.app_context():
        db.engine.dispose()  # close pooled connections before tmp_path goes


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()
# --8<-- [end:app]


# --8<-- [start:auth]
class AuthActions:
    def __init__(self, client):
        self.client = client

    def login(self, username="ada", password="lovelace"):
        data = {"username": username, "password": password}
        return self.client.post("/login", data=data)


@pytest.fixture
def auth(client):
    return AuthActions(client)
# --8<-- [end:auth]


# --8<-- [start:no-network]
@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """A test that forgets to mock an outbound call fails instead of calling
    the Internet."""
    def refuse(*args, **kwargs):
        raise OSError("network access in a test")
    monkeypatch.setattr(socket, "getaddrinfo", refuse)  # no DNS lookups
    monkeypatch.setattr(socket.socket, "connect", refuse)  # no connections
# --8<-- [end:no-network]
