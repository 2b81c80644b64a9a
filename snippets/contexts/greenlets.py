"""Flask's contexts under gevent: one thread, a greenlet per request, a context
per greenlet."""

import os
import threading
import weakref

import gevent
import greenlet
from flask import Flask, copy_current_request_context, g, request
from flask_socketio import SocketIO
from gevent.event import Event

app = Flask(__name__)
socketio = SocketIO(app, async_mode="gevent")
both_arrived, arrivals = Event(), []
# The greenlets that have handled a Socket.IO event. Not their id()s:
# two greenlets that never live at the same time can share an address.
event_greenlets = weakref.WeakSet()


def handled_an_event_before():
    current = greenlet.getcurrent()
    seen = current in event_greenlets
    event_greenlets.add(current)
    return seen


# --8<-- [start:whoami]
@app.get("/whoami")
def whoami():
    g.name = request.args["name"]
    arrivals.append(g.name)
    if len(arrivals) >= 2:
        both_arrived.set()
    # yields to the hub: the other request runs meanwhile
    both_arrived.wait(timeout=5)
    return {
        "args": request.args["name"],
        "g": g.name,
        "pid": os.getpid(),
        # the real thread: the same for both
        "os_thread": threading.get_native_id(),
        # patched by gevent: one per greenlet
        "thread_ident": threading.get_ident(),
        "greenlet": id(greenlet.getcurrent()),
    }
# --8<-- [end:whoami]


# --8<-- [start:spawn]
def current_path():
    try:
        return request.path
    except RuntimeError as exc:
        return f"RuntimeError: {str(exc).splitlines()[0]}"


@app.get("/spawn")
def spawn():
    bare = gevent.spawn(current_path)
    copied = gevent.spawn(copy_current_request_context(current_path))
    return {"bare": bare.get(timeout=5), "copied": copied.get(timeout=5)}
# --8<-- [end:spawn]


# --8<-- [start:socketio]
@socketio.on("where")
def where():
    seen_before = g.get("events", 0)  # g is new for every event
    g.events = seen_before + 1
    return {
        "sid": request.sid,
        "g_events_before": seen_before,
        "greenlet_reused": handled_an_event_before(),
    }
# --8<-- [end:socketio]


# --8<-- [start:in_process]
def two_requests_two_greenlets():
    """Two requests on two greenlets of one thread, switching in the middle of
    each."""

    def handle(name):
        with app.test_request_context(f"/whoami?name={name}"):
            g.name = name
            gevent.sleep(0)  # switch to the other greenlet mid-request
            return (
                f"{name}: request.args={request.args['name']} g.name={g.name} "
                f"os thread={threading.get_native_id() == main_thread}"
            )

    main_thread = threading.get_native_id()
    jobs = [gevent.spawn(handle, "a"), gevent.spawn(handle, "b")]
    return "\n".join(job.get(timeout=5) for job in jobs)
# --8<-- [end:in_process]


def what_a_spawned_greenlet_sees():
    response = app.test_client().get("/spawn")
    return "\n".join(f"{key:6} {value}" for key, value in response.json.items())


def two_socketio_events():
    client = socketio.test_client(app)
    first, second = (client.emit("where", callback=True) for _ in range(2))
    client.disconnect()
    return (
        f"same sid: {first['sid'] == second['sid']}\n"
        f"g.events before the first event: {first['g_events_before']}\n"
        f"g.events before the second event: {second['g_events_before']}"
    )
