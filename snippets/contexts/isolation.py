"""Two requests at the same moment: in two threads, and in two asyncio tasks on
one thread."""

import asyncio
import threading

from flask import Flask, request

app = Flask(__name__)


# --8<-- [start:threads]
def paths_seen_by_two_threads():
    both_pushed = threading.Barrier(2, timeout=5)
    seen = {}

    def handle(path):
        with app.test_request_context(path):
            both_pushed.wait()  # both requests are active right now
            seen[path] = (request.path, threading.get_ident())

    workers = [
        threading.Thread(target=handle, args=(path,)) for path in ("/a", "/b")
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return seen
# --8<-- [end:threads]


# --8<-- [start:tasks]
async def paths_seen_by_two_tasks():
    both_pushed = asyncio.Barrier(2)
    seen = {}

    async def handle(path):
        with app.test_request_context(path):
            # the other task runs and pushes its own request
            await both_pushed.wait()
            seen[path] = (request.path, threading.get_ident())

    await asyncio.gather(handle("/a"), handle("/b"))
    return seen
# --8<-- [end:tasks]


# --8<-- [start:thread-local]
class ThreadLocalRequest(threading.local):
    path = None  # what a thread-local "request" would hold


async def paths_seen_with_a_thread_local():
    local = ThreadLocalRequest()
    both_pushed = asyncio.Barrier(2)
    seen = {}

    async def handle(path):
        local.path = path
        await both_pushed.wait()
        seen[path] = (local.path, threading.get_ident())

    await asyncio.gather(handle("/a"), handle("/b"))
    return seen
# --8<-- [end:thread-local]


def report():
    def describe(label, seen):
        same_thread = len({ident for _, ident in seen.values()}) == 1
        pairs = ", ".join(
            f"{path} sees {got}" for path, (got, _) in sorted(seen.items())
        )
        where = "one thread" if same_thread else "two threads"
        return f"{label:38} ({where}): {pairs}"

    return "\n".join(
        [
            describe("flask.request, two threads", paths_seen_by_two_threads()),
            describe(
                "flask.request, two asyncio tasks",
                asyncio.run(paths_seen_by_two_tasks()),
            ),
            describe(
                "threading.local, two asyncio tasks",
                asyncio.run(paths_seen_with_a_thread_local()),
            ),
        ]
    )
