"""What `async def` buys a WSGI app. `python -m snippets.scaling.async_views`
measures it through a real Gunicorn with one sync worker and records the
timings in async_views.json."""

import argparse
import asyncio
import json
import platform
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version
from pathlib import Path

from flask import Flask

from snippets.scaling.loopback_server import gunicorn

RESULTS = Path(__file__).with_suffix(".json")
app = Flask(__name__)


# --8<-- [start:where]
@app.get("/where")
async def where():
    # the thread running the event loop
    return {"thread": threading.current_thread().name}


def two_requests_in_a_row():
    client = app.test_client()
    first, second = (
        client.get("/where").get_json()["thread"] for _ in range(2)
    )
    return (
        f"request 1: the view ran in thread {first!r}\n"
        f"request 2: the view ran in thread {second!r}\n"
        f"both sent from thread             {threading.current_thread().name!r}"
    )
# --8<-- [end:where]


# --8<-- [start:views]
async def call_service(seconds):
    # an HTTP call or a query through an async driver
    await asyncio.sleep(seconds)


@app.get("/one-call")
async def one_call():
    await call_service(0.2)
    return {"thread": threading.current_thread().name}


@app.get("/two-calls")
async def two_calls():
    # both waits overlap
    await asyncio.gather(call_service(0.2), call_service(0.2))
    return {"thread": threading.current_thread().name}
# --8<-- [end:views]


# --8<-- [start:measure]
def get(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        response.read()


def timed(function, *args):
    start = time.perf_counter()
    function(*args)
    return round(time.perf_counter() - start, 2)


def both_at_once(url):
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(get, [url, url]))


def measure():
    args = ["--worker-class", "sync", "--workers", "1"]
    with gunicorn("snippets.scaling.async_views:app", args) as base:
        get(f"{base}/one-call")  # warm up
        return {
            "two requests to /one-call at once": timed(
                both_at_once, f"{base}/one-call"
            ),
            "one request to /two-calls": timed(get, f"{base}/two-calls"),
        }
# --8<-- [end:measure]


def report(path=RESULTS):
    data = json.loads(Path(path).read_text())
    lines = [
        f"Gunicorn {data['gunicorn']}, 1 sync worker, Python {data['python']}"
    ]
    lines += [
        f"{name:34} {seconds:.2f} s"
        for name, seconds in data["seconds"].items()
    ]
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Time async views behind one sync worker."
    )
    parser.add_argument("--out", type=Path, default=RESULTS)
    out = parser.parse_args(argv).out
    data = {
        "gunicorn": version("gunicorn"),
        "python": platform.python_version(),
        "seconds": measure(),
    }
    out.write_text(json.dumps(data, indent=2) + "\n")
    return report(out)


if __name__ == "__main__":
    print(main())
