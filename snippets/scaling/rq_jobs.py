"""RQ: a smaller queue than Celery. Jobs are functions, found by their import
path."""

import functools
import os

from flask import Blueprint, Flask, current_app, request, url_for
from redis import Redis
from rq import Queue, Retry, Worker
from rq.exceptions import NoSuchJobError
from rq.job import Job

bp = Blueprint("jobs", __name__)


# --8<-- [start:app]
def create_app(redis_url=None):
    app = Flask(__name__)
    app.config["STOP_WORDS"] = {"the", "a", "of"}
    connection = Redis.from_url(redis_url or os.environ["REDIS_URL"])
    app.extensions["rq"] = Queue("reports", connection=connection)
    app.register_blueprint(bp)
    return app


@functools.cache
def worker_app():
    """One app per process, from its environment. But `rq worker` runs each job
    in a fresh fork."""
    app = create_app()
    # which process paid for it (the test counts them)
    app.config["BUILT_IN_PID"] = os.getpid()
    return app


class FlaskWorker(Worker):
    """`rq worker -w rq_jobs.FlaskWorker`: build the app in the worker, before
    any fork.

    Every work horse then inherits it, already built. redis-py notices the fork
    and opens new connections in the child; a SQLAlchemy engine needs
    `engine.dispose(close=False)` there.
    """

    def work(self, *args, **kwargs):
        worker_app()
        return super().work(*args, **kwargs)


def with_app_context(job):
    """RQ has no FlaskTask: push the app context around the job ourselves."""

    # keeps the import path RQ stores: rq_jobs.count_words
    @functools.wraps(job)
    def wrapper(*args, **kwargs):
        with worker_app().app_context():
            return job(*args, **kwargs)

    return wrapper
# --8<-- [end:app]


# --8<-- [start:job]
@with_app_context
def count_words(text):
    stop = current_app.config["STOP_WORDS"]
    return len([word for word in text.lower().split() if word not in stop])


@with_app_context
def where_built():
    """Which process built this job's app, and which process ran the job."""
    return {
        "app_built_in": current_app.config["BUILT_IN_PID"],
        "job_ran_in": os.getpid(),
    }
# --8<-- [end:job]


# --8<-- [start:views]
@bp.post("/word-counts")
def enqueue_count():
    queue = current_app.extensions["rq"]
    job = queue.enqueue(
        count_words,
        request.get_json()["text"],
        retry=Retry(max=3, interval=[10, 30, 60]),
        result_ttl=3600,
    )
    return (
        {"job_id": job.id},
        202,
        {"Location": url_for(".count_status", job_id=job.id)},
    )


@bp.get("/word-counts/<job_id>")
def count_status(job_id):
    try:
        job = Job.fetch(
            job_id, connection=current_app.extensions["rq"].connection
        )
    except NoSuchJobError:
        return {"error": "unknown job"}, 404
    status = job.get_status()
    if status != "finished":
        return {"status": status}, 202, {"Retry-After": "1"}
    return {"status": status, "words": job.return_value()}
# --8<-- [end:views]
