"""What one event loop per request costs: async objects that outlive a request
break on the next."""

import asyncio
import os
import re

from flask import Flask
from redis.asyncio import Redis

app = Flask(__name__)
# the test sets its own
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")


# --8<-- [start:shared]
# module level: "at most 2 calls to the API at once"
upstream_limit = asyncio.Semaphore(2)
# module level: one client and pool for every request
shared_redis = Redis.from_url(REDIS_URL)


async def call_api(limit):
    # the third caller waits: the semaphore binds to the loop it waited in
    async with limit:
        await asyncio.sleep(0.01)


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
    # made in this request's loop, gone with it
    limit = asyncio.Semaphore(2)
    await asyncio.gather(*(call_api(limit) for _ in range(3)))
    return {"calls": 3}


@app.get("/visits-per-request")
async def visits_per_request():
    # connects in this loop, closes in it
    async with Redis.from_url(REDIS_URL) as redis:
        return {"visits": await redis.incr("visits")}
# --8<-- [end:per-request]


@app.errorhandler(RuntimeError)
def show_runtime_error(error):
    """So the page can show what went wrong (without the object's address)."""
    return {
        "error": f"RuntimeError: {re.sub(r' at 0x[0-9a-f]+', '', str(error))}"
    }, 500


def two_requests(path="/prices"):
    client = app.test_client()
    lines = []
    for n in (1, 2):
        response = client.get(path)
        lines.append(
            f"request {n}: {response.status_code} {response.get_json()}"
        )
    return "\n".join(lines)


# the two the test times against each other
@app.get("/sync-nothing")
def sync_nothing():
    return {}


@app.get("/async-nothing")
async def async_nothing():
    return {}
