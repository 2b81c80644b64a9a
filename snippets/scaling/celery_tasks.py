"""Celery with a Redis broker and result backend, wired the way Flask's Celery
pattern does it."""

import os

from celery import Celery, Task, shared_task
from flask import Blueprint, Flask, current_app, request, url_for


# --8<-- [start:init]
def init_celery(flask_app):
    class FlaskTask(Task):
        # the worker calls this for every task
        def __call__(self, *args, **kwargs):
            # so current_app, config, db all work
            with flask_app.app_context():
                return super().__call__(*args, **kwargs)

    celery = Celery(flask_app.import_name, task_cls=FlaskTask)
    celery.config_from_object(flask_app.config["CELERY"])
    # what @shared_task tasks resolve to
    celery.set_default()
    flask_app.extensions["celery"] = celery
    return celery


def create_app(redis_url=None):
    app = Flask(__name__)
    redis_url = redis_url or os.environ["REDIS_URL"]
    app.config["SHOP_NAME"] = "Corner Shop"
    app.config["CELERY"] = {
        "broker_url": redis_url,  # where jobs wait
        "result_backend": redis_url,  # where results are kept
        "task_ignore_result": True,  # opt in per task
        "broker_connection_retry_on_startup": True,
    }
    init_celery(app)
    app.register_blueprint(bp)
    return app
# --8<-- [end:init]


# --8<-- [start:task]
@shared_task(
    ignore_result=False,
    autoretry_for=(ConnectionError,),
    retry_backoff=True,
    max_retries=5,
)
def build_report(order_totals):
    if not order_totals:
        raise ValueError("no orders to report on")
    # works: FlaskTask pushed an app context
    shop = current_app.config["SHOP_NAME"]
    return {
        "shop": shop,
        "orders": len(order_totals),
        "total": sum(order_totals),
    }
# --8<-- [end:task]


# --8<-- [start:views]
bp = Blueprint("reports", __name__)


@bp.post("/reports")
def start_report():
    # plain data in, never objects
    totals = request.get_json()["order_totals"]
    result = build_report.delay(totals)
    location = url_for(".report_status", task_id=result.id)
    return {"task_id": result.id}, 202, {"Location": location}


@bp.get("/reports/<task_id>")
def report_status(task_id):
    result = current_app.extensions["celery"].AsyncResult(task_id)
    if not result.ready():
        return {"state": result.state}, 202, {"Retry-After": "1"}
    if result.failed():
        return {"state": result.state, "error": repr(result.result)}, 500
    return {"state": result.state, "report": result.result}
# --8<-- [end:views]
