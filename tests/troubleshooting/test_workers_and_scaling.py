"""docs/troubleshooting/workers-and-scaling.md: each symptom with its exact text. The Celery worker
entry runs a real worker against a real Redis on 127.0.0.1 and checks the transcript the page
shows (snippets/troubleshooting/celery_unregistered_task.txt; FFG_RECORD=1 rewrites it)."""

import os
import re
import textwrap
from pathlib import Path

from snippets.troubleshooting import receipts
from snippets.troubleshooting import workers_and_scaling as ws
from tests.servers import python_process, redis_server, wait_for

SNIPPETS = Path(ws.__file__).parent
WORKER = ["-m", "celery", "-A", "snippets.troubleshooting.workers_and_scaling:celery_app",
          "worker", "--pool=solo",
          "--concurrency=1", "--loglevel=INFO", "--without-gossip", "--without-mingle",
          "--without-heartbeat"]


def send_receipt_through(url):
    """The web process's side: the task sent to the broker at `url`."""
    saved = ws.celery_app.conf.broker_url
    ws.celery_app.conf.broker_url = url
    try:
        with ws.celery_app.connection_for_write() as connection:
            receipts.send_receipt.apply_async(args=[42], connection=connection)
    finally:
        ws.celery_app.conf.broker_url = saved


def worker_log_after(directory, url, needle, extra=()):
    with python_process([*WORKER, *extra], directory, "celery", env={"REDIS_URL": url}):
        log = directory / "celery.log"
        wait_for(lambda: "ready." in log.read_text(), seconds=30, what="the worker ready")
        send_receipt_through(url)
        wait_for(lambda: needle in log.read_text(), seconds=30, what=f"{needle!r} in the log")
    return log.read_text()


def test_celery_received_unregistered_task(tmp_path):
    with redis_server(tmp_path) as url:
        log = worker_log_after(tmp_path, url, "Received unregistered task")
    lines = log.splitlines()
    start = next(n for n, line in enumerate(lines) if "Received unregistered task" in line)
    shown = [textwrap.fill(re.sub(r"^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+: ", "[<time>: ", line),
                           78, subsequent_indent="    ", break_long_words=False)
             for line in lines[start:start + 6] if line.strip()]  # blank lines left out
    transcript = "\n".join(["$ celery -A snippets.troubleshooting.workers_and_scaling:celery_app \\",
                            "    worker --loglevel=INFO",
                            "  (the web process sends receipts.send_receipt)", *shown])
    recorded = SNIPPETS / "celery_unregistered_task.txt"
    if os.environ.get("FFG_RECORD"):
        recorded.write_text(transcript + "\n")
    assert transcript == recorded.read_text().rstrip("\n"), (
        "the worker's log changed: check it, then rerun with FFG_RECORD=1")
    assert ("ERROR/MainProcess] Received unregistered task of type\n    'receipts.send_receipt'."
            in transcript)


def test_the_worker_runs_the_task_once_it_imports_the_module(tmp_path):
    with redis_server(tmp_path) as url:
        log = worker_log_after(tmp_path, url, "succeeded", extra=["--include", "snippets.troubleshooting.receipts"])
    assert "receipts.send_receipt" in log and "receipt for order 42 sent" in log
    assert "unregistered" not in log
    assert receipts.send_receipt(7) == "receipt for order 7 sent"


def test_celery_task_outside_app_context():
    assert ws.task_outside_app_context().startswith(
        "RuntimeError: Working outside of application context.\n")
    assert ws.task_with_app_context() == "Corner Shop"


def test_rq_job_outside_app_context(tmp_path):
    from redis import Redis
    from rq import Queue

    with redis_server(tmp_path) as url:
        connection = Redis.from_url(url)
        job = Queue("reports", connection=connection).enqueue(ws.word_count, "The art of it")
        worker = ["-m", "rq.cli", "worker", "--burst", "--url", url, "reports"]
        with python_process(worker, tmp_path, "rq") as process:
            assert process.wait(timeout=30) == 0  # --burst: the queue is empty, it exits
        job.refresh()
        status = job.get_status()
        connection.close()
    assert status == "failed"
    log = (tmp_path / "rq.log").read_text().splitlines()
    head = next(line for line in log if "exception raised while executing" in line)
    error = next(n for n, line in enumerate(log) if line.startswith("RuntimeError:"))
    message = []
    for line in log[error:]:
        if not line.strip() or re.match(r"^\d\d:\d\d:\d\d ", line):
            break
        message.append(line)
    head = re.sub(r"[0-9a-f]{32}", "<worker>", re.sub(r"[0-9a-f-]{36}", "<job>", head))
    shown = [re.sub(r"^\d\d:\d\d:\d\d ", "<time> ", head), "Traceback (most recent call last):",
             "  ...", *message]
    transcript = "\n".join(["$ rq worker --burst reports", *[textwrap.fill(
        line, 78, subsequent_indent="    ", break_long_words=False) for line in shown]])
    recorded = SNIPPETS / "rq_outside_app_context.txt"
    if os.environ.get("FFG_RECORD"):
        recorded.write_text(transcript + "\n")
    assert transcript == recorded.read_text().rstrip("\n"), (
        "the worker's log changed: check it, then rerun with FFG_RECORD=1")
    assert "RuntimeError: Working outside of application context." in transcript
    app = ws.Flask(__name__)
    app.config["STOP_WORDS"] = {"the", "of"}
    with app.app_context():  # the fix: the job runs inside an app context
        assert ws.word_count("The art of it") == 2


def test_celery_broker_down():
    assert ws.broker_down() == ("kombu.exceptions.OperationalError: Error 111 connecting to "
                                "127.0.0.1:6379. Connection refused.")


def test_the_default_publish_retries_give_up_within_seconds():
    # the page says "about a second" with Celery's default retry policy, not longer
    import socket
    import time

    from celery import Celery

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = Celery("shop", broker=f"redis://127.0.0.1:{port}/0")
    assert app.conf.task_publish_retry_policy["max_retries"] == 3
    started = time.monotonic()
    try:
        app.send_task("receipts.send", args=[42])  # the default: retry=True
    except Exception as error:
        assert type(error).__name__ == "OperationalError"
    else:
        raise AssertionError("the send should fail: nothing listens on the port")
    assert time.monotonic() - started < 5


def test_secret_key_per_worker_logs_users_out():
    assert ws.logged_out_on_another_worker() == ('GET /me on worker 1: {"user": "ada"}\n'
                                                 'GET /me on worker 2: {"user": null}')
    shared = "one-key-for-every-worker-from-the-environment"
    assert ws.logged_out_on_another_worker(shared).endswith('worker 2: {"user": "ada"}')


def test_rate_limit_counted_per_worker():
    assert ws.limit_per_process() == (
        "3 per minute, 8 tries from one address: [200, 200, 200, 200, 200, 200, 429, 429]")


def test_rate_limit_shared_through_redis(tmp_path):
    with redis_server(tmp_path) as url:
        workers = [ws.create_limited_app(url).test_client() for _ in range(2)]
        codes = [workers[n % 2].post("/login").status_code for n in range(5)]
    assert codes == [200, 200, 200, 429, 429]  # one counter: the limit holds


def test_stale_cache_on_another_worker():
    assert ws.stale_cache_on_another_worker().splitlines()[-1] == (
        "worker 2 GET /price: {'pen': 2}    (for 300 s)")


def test_socketio_invalid_session_on_another_worker():
    assert ws.socketio_invalid_session().splitlines()[1:] == [
        "GET ...&sid=<sid> on worker 2: 400 BAD REQUEST", '  "Invalid session <sid>"']
