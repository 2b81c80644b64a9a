"""The shop's routes: what the deployment tests call through Gunicorn and nginx.
"""

import asyncio
import os
import time

from flask import Blueprint, current_app, request, url_for

bp = Blueprint("shop", __name__)


# --8<-- [start:health]
@bp.get("/healthz")
def healthz():
    """Liveness: the process answers. Cheap, no database, never cached."""
    return (
        {"status": "ok", "pid": os.getpid()},
        200,
        {"Cache-Control": "no-store"},
    )


@bp.get("/readyz")
async def readyz():
    """Readiness: the dependencies answer. An async view, on a plain WSGI
    server."""
    checks = await asyncio.gather(check("database"), check("cache"))
    return {"ready": all(ok for _, ok in checks), "checks": dict(checks)}


async def check(name):
    await asyncio.sleep(0)  # stands in for a real ping with a short timeout
    return name, True
# --8<-- [end:health]


# --8<-- [start:whoami]
@bp.get("/whoami")
def whoami():
    """What the app believes about the request: the values ProxyFix corrects."""
    return {
        "remote_addr": request.remote_addr,
        "scheme": request.scheme,
        "host": request.host,
        "external_url": url_for("shop.healthz", _external=True),
        "x_forwarded_for": request.headers.get("X-Forwarded-For"),
        # the far end of this connection
        "remote_port": request.environ.get("REMOTE_PORT"),
    }
# --8<-- [end:whoami]


# --8<-- [start:work]
@bp.post("/upload")
def upload():
    return {"bytes": len(request.get_data())}


@bp.get("/slow")
def slow():
    """A stand-in for a slow view (a report, a call to a slow API)."""
    seconds = min(request.args.get("seconds", 1.0, type=float), 5.0)
    current_app.logger.info("slow request started in worker %s", os.getpid())
    time.sleep(seconds)
    return {"slept": seconds, "pid": os.getpid()}
# --8<-- [end:work]
