"""A task module the web process imports (`from receipts import send_receipt`)
and the worker of workers_and_scaling.py does not."""

from snippets.troubleshooting.workers_and_scaling import celery_app


# --8<-- [start:task]
@celery_app.task(name="receipts.send_receipt")
def send_receipt(order_id):
    return f"receipt for order {order_id} sent"
# --8<-- [end:task]
