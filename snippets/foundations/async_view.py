"""An async view on a plain WSGI app: needs `flask[async]` (asgiref) only."""

import asyncio
import threading
import time

from asgiref.wsgi import WsgiToAsgi
from flask import Flask

app = Flask(__name__)


# --8<-- [start:view]
async def fetch_rate(currency):
    await asyncio.sleep(0.01)  # stands in for an HTTP call or a database query
    return {"EUR": 1.0, "USD": 1.08}[currency]


@app.get("/rates")
async def rates():
    eur, usd = await asyncio.gather(fetch_rate("EUR"), fetch_rate("USD"))
    return {"EUR": eur, "USD": usd}
# --8<-- [end:view]


# --8<-- [start:asgi]
# Only for an ASGI server (uvicorn, hypercorn): `uvicorn module:asgi_app`.
# Gunicorn, Waitress, mod_wsgi and `flask run` serve `app` itself,
# async views included.
asgi_app = WsgiToAsgi(app)
# --8<-- [end:asgi]


# --8<-- [start:blocking]
running = {"now": 0, "most": 0}


@app.get("/report")
def report():  # an ordinary view with a blocking call in it
    running["now"] += 1
    running["most"] = max(running["most"], running["now"])
    time.sleep(0.02)  # a database driver, requests.get(), a file read...
    running["now"] -= 1
    return str(threading.get_ident())
# --8<-- [end:blocking]


# --8<-- [start:asgi-client]
async def asgi_get(path):
    """One GET through the ASGI interface, the way uvicorn would send it."""
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
        "method": "GET", "scheme": "http", "path": path,
        "raw_path": path.encode(), "query_string": b"", "root_path": "",
        "headers": [(b"host", b"localhost")],
        "server": ("localhost", 8000), "client": ("127.0.0.1", 50000),
    }
    sent = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    await asgi_app(scope, receive, send)
    body = b"".join(
        m.get("body", b"") for m in sent if m["type"] == "http.response.body"
    )
    return sent[0]["status"], body


def concurrency_behind_the_adapter(requests=4):
    """Send several requests at once to /report through WsgiToAsgi."""
    running["most"] = 0

    async def all_at_once():
        calls = (asgi_get("/report") for _ in range(requests))
        return await asyncio.gather(*calls)

    threads = {body for _, body in asyncio.run(all_at_once())}
    return (
        f"{requests} concurrent requests -> at most {running['most']} "
        f"running at once, on {len(threads)} thread(s)"
    )
# --8<-- [end:asgi-client]
