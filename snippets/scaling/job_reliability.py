"""What happens to a job when its worker dies or hangs: Celery's
acknowledgement and limits, RQ's.

The Celery worker for these tasks is
`snippets.scaling.reliability_worker:celery_app`.
"""

import os
import time
from pathlib import Path

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from flask import Flask
from redis import Redis
from rq import Queue

from snippets.scaling.celery_tasks import init_celery


# --8<-- [start:celery-config]
def reliable_celery_config(redis_url, visibility_timeout=3600):
    return {
        "broker_url": redis_url,
        "result_backend": redis_url,
        # ack when the task ends, not when it arrives
        "task_acks_late": True,
        # a killed child puts its task back
        "task_reject_on_worker_lost": True,
        # reserve one message per process, not four
        "worker_prefetch_multiplier": 1,
        # SoftTimeLimitExceeded inside the task...
        "task_soft_time_limit": 25,
        "task_time_limit": 30,  # ...then the child is killed
        # recycle children, like Gunicorn's max_requests
        "worker_max_tasks_per_child": 500,
        # Redis only: when an un-acked message is given to another worker
        "broker_transport_options": {
            "visibility_timeout": visibility_timeout,
        },
        "broker_connection_retry_on_startup": True,
    }
# --8<-- [end:celery-config]


def create_app(redis_url=None, **overrides):
    app = Flask(__name__)
    config = reliable_celery_config(redis_url or os.environ["REDIS_URL"])
    app.config["CELERY"] = config | overrides
    init_celery(app)
    return app


def wait_for(path, seconds=10):
    """Until `path` exists; a deadline, so a test that goes wrong cannot hang a
    worker."""
    deadline = time.monotonic() + seconds
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.05)


# --8<-- [start:tasks]
# the message stays in Redis until this returns
@shared_task(acks_late=True)
def export_late(folder, name):
    return run_export(Path(folder), name)


# Celery's default: acked as the task starts
@shared_task(acks_late=False)
def export_early(folder, name):
    return run_export(Path(folder), name)


def run_export(folder, name):
    with open(folder / f"{name}.started", "a") as log:  # one line per attempt
        log.write(f"{os.getpid()}\n")
    # the test kills the worker while we wait here
    wait_for(folder / "go")
    (folder / f"{name}.done").write_text(str(os.getpid()))
    return os.getpid()
# --8<-- [end:tasks]


# --8<-- [start:limits]
@shared_task(soft_time_limit=0.5, time_limit=5)
def cleans_up():
    try:
        time.sleep(3)
    except SoftTimeLimitExceeded:  # raised inside the task: time to tidy up
        return "stopped at the soft limit"


@shared_task(soft_time_limit=0.3, time_limit=1)
def ignores_the_soft_limit(seconds=3):
    try:
        time.sleep(seconds)
    except SoftTimeLimitExceeded:
        # carries on: the hard limit kills the child
        time.sleep(seconds)


# below the config's soft limit of 25 s: the hard timer only starts when the
# soft one fires
@shared_task(time_limit=0.5)
def hard_below_soft():
    time.sleep(1.5)
    return "ran past its 0.5 s hard limit"


@shared_task
def child_pid():
    return os.getpid()
# --8<-- [end:limits]


# --8<-- [start:rq]
def slow_export(seconds):
    time.sleep(seconds)
    return "exported"


def enqueue_exports(redis_url):
    queue = Queue("exports", connection=Redis.from_url(redis_url))
    quick = queue.enqueue(
        slow_export,
        0,
        job_timeout=5,  # default 180 s
        result_ttl=600,  # default 500 s
        # default one year
        failure_ttl=7 * 24 * 3600,
    )
    stuck = queue.enqueue(slow_export, 3, job_timeout=1)
    return quick, stuck
# --8<-- [end:rq]
