"""Async hooks, error handlers and views: each runs through ensure_sync, on an
event loop of its own."""

import asyncio
import threading

from flask import Flask, g, request

app = Flask(__name__)
seen = []


def where(step):
    # kept alive in `seen`, so no two share an id
    loop = asyncio.get_running_loop()
    seen.append((step, loop, threading.current_thread().name, request.path))


# --8<-- [start:hooks]
@app.before_request
async def load_user():
    where("before_request")
    g.user = "ada"


@app.get("/orders")
async def orders():
    where("view")
    await asyncio.sleep(0)
    return {"user": g.user}


@app.get("/broken")
async def broken():
    where("view")
    raise LookupError("no such order")


@app.errorhandler(LookupError)
async def not_found(error):
    where("errorhandler")
    return {"error": str(error)}, 404


@app.after_request
async def stamp(response):
    where("after_request")
    response.headers["X-User"] = g.get("user", "-")
    return response


@app.teardown_request
async def note_teardown(exc):
    where("teardown_request")
# --8<-- [end:hooks]


# --8<-- [start:loops]
def one_loop_per_call():
    """Which event loop and thread each async function of one request ran on."""
    seen.clear()
    app.test_client().get("/orders")
    app.test_client().get("/broken")
    loops, lines = {}, []
    for step, loop, thread, path in seen:
        label = loops.setdefault(id(loop), f"loop {len(loops) + 1}")
        lines.append(
            f"{path:8} {step:17} {label:8} "
            f"thread is main: {thread == 'MainThread'}"
        )
    return "\n".join(lines)
# --8<-- [end:loops]


# --8<-- [start:shared]
shared = Flask(__name__)


@shared.before_request
async def open_client():
    # A stand-in for an async client (aiohttp, httpx, an async database pool):
    # it waits on futures of the loop it was created on, as a real client's
    # connections do.
    loop = asyncio.get_running_loop()
    g.reply = loop.create_future()
    # never runs: the loop ends first
    loop.call_later(0.5, g.reply.set_result, "pong")


@shared.get("/ping")
async def ping():
    return await g.reply  # a future of the before_request's loop
# --8<-- [end:shared]


@shared.errorhandler(RuntimeError)
def loop_mismatch(error):
    return {"error": "RuntimeError: ..." + str(error).rpartition(">")[2]}, 500


def reuse_across_hooks():
    response = shared.test_client().get("/ping")
    return f"{response.status_code} {response.json['error']}"
