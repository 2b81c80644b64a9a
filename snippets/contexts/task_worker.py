"""A job queue: the view enqueues plain data, a worker runs the job later,
elsewhere."""

import queue

from flask import Flask, current_app, request

app = Flask(__name__)
app.config["MAIL_SENDER"] = "shop@example.com"
jobs = queue.Queue()  # stands in for Redis or RabbitMQ behind Celery or RQ
outbox = []


# --8<-- [start:enqueue]
def send_welcome(email):
    outbox.append(f"{current_app.config['MAIL_SENDER']} -> {email}: welcome!")


@app.post("/signup")
def signup():
    email = request.form["email"]  # copy what the job needs out of the request
    # plain data: never `request` or `current_app`
    jobs.put((send_welcome, email))
    return {"queued": email}, 202
# --8<-- [end:enqueue]


# --8<-- [start:broken-worker]
def run_one_job_broken():
    task, argument = jobs.get_nowait()
    task(argument)  # the request is long gone; no context here
# --8<-- [end:broken-worker]


# --8<-- [start:worker]
def run_pending_jobs(flask_app):
    while not jobs.empty():
        task, argument = jobs.get_nowait()
        with (
            flask_app.app_context()
        ):  # what Celery's FlaskTask does for each task
            task(argument)
# --8<-- [end:worker]


def what_the_broken_worker_raises():
    app.test_client().post("/signup", data={"email": "ada@example.com"})
    try:
        run_one_job_broken()
    except RuntimeError as exc:
        return f"RuntimeError: {str(exc).splitlines()[0]}"


def signup_then_work():
    outbox.clear()
    app.test_client().post("/signup", data={"email": "grace@example.com"})
    run_pending_jobs(app)
    return "\n".join(outbox)
