"""Flask-SocketIO 5.7 through its test client: auth on connect, events, acks and rooms."""

import importlib.util

import pytest

from snippets.extensions.socketio_chat import USERS, app, demo, socketio


@pytest.fixture
def connect():
    clients = []

    def make(token):
        client = socketio.test_client(app, auth={"token": token} if token else None)
        clients.append(client)
        return client

    yield make
    for client in clients:
        if client.is_connected():
            client.disconnect()


def names(client):
    return [(event["name"], event["args"][0]) for event in client.get_received()]


def test_valid_token_connects_and_gets_a_welcome(connect):
    alice = connect("t-alice")
    assert alice.is_connected()
    assert names(alice) == [("welcome", {"user": "alice"})]
    assert "alice" in USERS.values()


@pytest.mark.parametrize("token", ["forged", None])
def test_bad_or_missing_token_is_refused_at_connect(connect, token):
    refused = connect(token)
    assert not refused.is_connected()
    with pytest.raises(RuntimeError, match="not connected"):
        refused.get_received()


def test_join_acknowledges_and_rejects_a_missing_room(connect):
    alice = connect("t-alice")
    assert alice.emit("join", {}, callback=True) == {
        "ok": False, "error": "'room' must be a non-empty string"}
    assert alice.emit("join", "books", callback=True)["ok"] is False
    assert alice.emit("join", {"room": "books"}, callback=True) == {"ok": True}


def test_room_messages_reach_members_only(connect):
    alice, bob, carol = connect("t-alice"), connect("t-bob"), connect("t-alice")
    for client in (alice, bob):
        client.emit("join", {"room": "books"}, callback=True)
    for client in (alice, bob, carol):
        client.get_received()
    alice.emit("chat", {"room": "books", "text": "hi"})
    assert names(bob) == [("chat", {"user": "alice", "text": "hi"})]
    assert names(alice) == [("chat", {"user": "alice", "text": "hi"})]
    assert names(carol) == []  # not in the room


def test_leaving_a_room_stops_its_messages(connect):
    alice, bob = connect("t-alice"), connect("t-bob")
    for client in (alice, bob):
        client.emit("join", {"room": "books"}, callback=True)
    assert bob.emit("leave", {"room": "books"}, callback=True) == {"ok": True}
    bob.get_received()
    alice.emit("chat", {"room": "books", "text": "still there?"})
    assert names(bob) == []


@pytest.mark.parametrize("payload", [{"room": "books", "text": "  "}, {"text": "x" * 501}, "hi"])
def test_invalid_messages_get_an_error_event_sent_to_the_sender_only(connect, payload):
    alice, bob = connect("t-alice"), connect("t-bob")
    for client in (alice, bob):
        client.emit("join", {"room": "books"}, callback=True)
    for client in (alice, bob):
        client.get_received()
    alice.emit("chat", payload)
    assert names(alice) == [("error", {"error": "invalid_message",
                                       "message": "text must be 1-500 characters"})]
    assert names(bob) == []


def test_disconnect_forgets_the_user(connect):
    bob = connect("t-bob")
    before = list(USERS.values()).count("bob")
    bob.disconnect()
    assert not bob.is_connected()
    assert list(USERS.values()).count("bob") == before - 1


def test_async_mode_is_threading_and_socketio_is_not_plain_websocket():
    assert socketio.async_mode == "threading"
    # /socket.io/ answers an Engine.IO handshake ("0" = open), not a WebSocket upgrade.
    response = app.test_client().get("/socket.io/?EIO=4&transport=polling")
    assert response.status_code == 200
    assert response.text.startswith('0{"sid":')
    assert '"upgrades":["websocket"]' in response.text
    assert importlib.util.find_spec("simple_websocket") is not None
    assert importlib.util.find_spec("flask_sock") is None
    assert importlib.util.find_spec("geventwebsocket") is None


def test_demo_shows_the_conversation():
    text = demo()
    assert "mallory connected: False" in text
    assert 'bob received chat: [{"user": "alice", "text": "Anyone read Dune?"}]' in text
    assert "bob received error" in text and "alice received error" not in text


def test_automatic_async_mode_would_pick_gevent_here_but_threading_under_flask_run(monkeypatch):
    from flask import Flask
    from flask_socketio import SocketIO
    monkeypatch.delenv("FLASK_RUN_FROM_CLI", raising=False)  # other tests may leave it set
    auto = SocketIO(Flask(__name__))
    assert auto.server.eio.async_modes() == ["eventlet", "gevent_uwsgi", "gevent", "threading"]
    assert auto.async_mode == "gevent"  # eventlet is not installed; gevent is
    monkeypatch.setenv("FLASK_RUN_FROM_CLI", "true")  # what the flask command sets
    assert SocketIO(Flask(__name__)).async_mode == "threading"


def test_socketio_checks_the_origin_itself_same_origin_by_default():
    client = app.test_client()
    foreign = client.get("/socket.io/?EIO=4&transport=polling",
                         headers={"Origin": "https://evil.example"})
    assert foreign.status_code == 400
    assert foreign.text == '"Not an accepted origin."'
    same = client.get("/socket.io/?EIO=4&transport=polling", headers={"Origin": "http://localhost"})
    assert same.status_code == 200
    assert same.headers["Access-Control-Allow-Origin"] == "http://localhost"
