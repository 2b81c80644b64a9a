"""Flask-SocketIO 5.7: authenticated connect, events, acknowledgements and
rooms.
"""

import json

from flask import Flask, request
from flask_socketio import (
    ConnectionRefusedError,
    SocketIO,
    emit,
    join_room,
    leave_room,
)

# --8<-- [start:setup]
app = Flask(__name__)
# "threading" uses the simple-websocket package; without it, Flask-SocketIO
# would pick
# eventlet or gevent if either is installed (gevent is, in this guide's
# environment).
socketio = SocketIO(app, async_mode="threading")

TOKENS = {"t-alice": "alice", "t-bob": "bob"}  # stands in for real token checks
USERS = {}  # Socket.IO session id -> user name
# --8<-- [end:setup]


# --8<-- [start:connect]
@socketio.on("connect")
def connect(auth):
    user = TOKENS.get((auth or {}).get("token"))
    if user is None:
        # the client gets a connect_error
        raise ConnectionRefusedError("unauthorized")
    USERS[request.sid] = user
    emit("welcome", {"user": user})


@socketio.on("disconnect")
def disconnect(reason):
    USERS.pop(request.sid, None)


# --8<-- [end:connect]


# --8<-- [start:events]
@socketio.on("join")
def join(data):
    room = data.get("room") if isinstance(data, dict) else None
    if not isinstance(room, str) or not room:
        # the ack
        return {"ok": False, "error": "'room' must be a non-empty string"}
    join_room(room)
    emit("joined", {"user": USERS[request.sid], "room": room}, to=room)
    return {"ok": True}


@socketio.on("leave")
def leave(data):
    leave_room(data["room"])
    return {"ok": True}


@socketio.on("chat")
def chat(data):
    text = data.get("text", "") if isinstance(data, dict) else ""
    if not text.strip() or len(text) > 500:
        emit(
            "error",
            {
                "error": "invalid_message",
                "message": "text must be 1-500 characters",
            },
        )
        return
    emit(
        "chat", {"user": USERS[request.sid], "text": text}, to=data.get("room")
    )


# --8<-- [end:events]


# --8<-- [start:demo]
def demo():
    """Two users, one room, one bad message and one refused connection."""
    alice = socketio.test_client(app, auth={"token": "t-alice"})
    bob = socketio.test_client(app, auth={"token": "t-bob"})
    mallory = socketio.test_client(app, auth={"token": "forged"})
    lines = [
        f"alice connected: {alice.is_connected()}, "
        f"mallory connected: {mallory.is_connected()}"
    ]
    lines.append(
        f"alice join {{}} -> ack {alice.emit('join', {}, callback=True)}"
    )
    for client in (alice, bob):
        client.emit("join", {"room": "books"}, callback=True)
    alice.emit("chat", {"room": "books", "text": "Anyone read Dune?"})
    bob.emit("chat", {"room": "books", "text": ""})
    for name, client in (("alice", alice), ("bob", bob)):
        for event in client.get_received():
            lines.append(
                f"{name} received {event['name']}: {json.dumps(event['args'])}"
            )
    alice.disconnect()
    bob.disconnect()
    return "\n".join(lines)


# --8<-- [end:demo]
