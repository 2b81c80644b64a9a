"""What one event loop per request costs: async objects that outlive a request break on the next."""

import asyncio
import os
import re

from flask import Flask
from redis.asyncio import Redis

app = Flask(__name__)
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")  # the test sets its own


# --8<-- [start:shared]
upstream_limit = asyncio.Semaphore(2)      # module level: "at most 2 calls to the API at once"
shared_redis = Redis.from_url(REDIS_URL)   # module level: one client and pool for every request


async def call_api(limit):
    async with limit:                      # the third caller waits: the semaphore binds to
        await asyncio.sleep(0.01)          # the event loop it waited in


@app.get("/prices")
async def prices():
    await asyncio.gather(*(call_api(upstream_limit) for _ in range(3)))
    return {"calls": 3}


@app.get("/visits")
async def visits():
    return {"visits": await shared_redis.incr("visits")}
# --8<-- [end:shared]


# --8<-- [start:per-request]
@app.get("/prices-per-request")
async def prices_per_request():
    limit = asyncio.Semaphore(2)           # made in this request's loop, gone with it
    await asyncio.gather(*(call_api(limit) for _ in range(3)))
    return {"calls": 3}


@app.get("/visits-per-request")
async def visits_per_request():
    async with Redis.from_url(REDIS_URL) as redis:  # connects in this loop, closes in it
        return {"visits": await redis.incr("visits")}
# --8<-- [end:per-request]


@app.errorhandler(RuntimeError)
def show_runtime_error(error):
    """So the page can show what went wrong (without the object's address)."""
    return {"error": f"RuntimeError: {re.sub(r' at 0x[0-9a-f]+', '', str(error))}"}, 500


def two_requests(path="/prices"):
    client = app.test_client()
    lines = []
    for n in (1, 2):
        response = client.get(path)
        lines.append(f"request {n}: {response.status_code} {response.get_json()}")
    return "\n".join(lines)


@app.get("/sync-nothing")
def sync_nothing():                        # the two the test times against each other
    return {}


@app.get("/async-nothing")
async def async_nothing():
    return {}
