"""Workers that die or hang, for real: Celery workers on a real Redis, killed mid-task; RQ timeouts."""

import os
import signal
import time

from tests.servers import python_process, redis_server, wait_for

WORKER = ["-m", "celery", "-A", "snippets.scaling.reliability_worker:celery_app", "worker",
          "--loglevel=WARNING", "--without-gossip", "--without-mingle", "--without-heartbeat"]


def until(condition, seconds=20):
    try:
        return wait_for(condition, seconds)
    except TimeoutError:
        return False


def close(app):
    celery = app.extensions["celery"]
    if celery.backend.result_consumer._pubsub is not None:
        celery.backend.result_consumer.stop()
        celery.backend.result_consumer._pubsub = None
    celery.close()


def test_a_killed_worker_loses_the_early_acked_task_and_redelivers_the_late_acked_one(tmp_path):
    from snippets.scaling.job_reliability import create_app, export_early, export_late

    with redis_server(tmp_path) as url:
        app = create_app(url)
        env = {"REDIS_URL": url, "VISIBILITY_TIMEOUT": "1"}
        export_late.delay(str(tmp_path), "late")
        export_early.delay(str(tmp_path), "early")
        first = [*WORKER, "--pool=threads", "--concurrency=2"]
        with python_process(first, tmp_path, "celery-first", env=env) as process:
            assert until(lambda: all((tmp_path / f"{n}.started").exists() for n in ("late", "early")))
            os.killpg(process.pid, signal.SIGKILL)  # an OOM kill: no chance to clean up
            process.wait(10)
        (tmp_path / "go").touch()
        with python_process([*WORKER, "--pool=solo"], tmp_path, "celery-second", env=env) as second:
            assert until(lambda: (tmp_path / "late.done").exists())
            time.sleep(1.5)  # a whole further sweep: the early one is not coming back
        close(app)

    late = (tmp_path / "late.started").read_text().split()
    assert len(late) == 2 and late[1] == (tmp_path / "late.done").read_text() == str(second.pid)
    assert len((tmp_path / "early.started").read_text().split()) == 1
    assert not (tmp_path / "early.done").exists()  # acked, then lost with the worker


def test_prefork_time_limits_and_child_recycling(tmp_path):
    from snippets.scaling.job_reliability import (child_pid, cleans_up, create_app, hard_below_soft,
                                                  ignores_the_soft_limit)

    with redis_server(tmp_path) as url:
        app = create_app(url, worker_max_tasks_per_child=1)
        results = [hard_below_soft.delay(), cleans_up.delay(), ignores_the_soft_limit.delay(),
                   child_pid.delay(), child_pid.delay()]
        worker = [*WORKER, "--pool=prefork", "--concurrency=1", "--max-tasks-per-child=1"]
        with python_process(worker, tmp_path, "celery-prefork", env={"REDIS_URL": url}):
            assert until(lambda: all(r.ready() for r in results), 30)
        late, soft, hard = results[0].get(), results[1].get(), results[2]
        pids = [results[3].get(), results[4].get()]
        close(app)

    assert pids[0] != pids[1]  # a fresh child for each task
    assert soft == "stopped at the soft limit"
    assert hard.state == "FAILURE" and type(hard.result).__name__ == "TimeLimitExceeded"
    assert late == "ran past its 0.5 s hard limit"  # the hard timer waits for the soft one


def test_what_the_killed_attempts_would_have_run_in_process(tmp_path):
    """The worker processes killed above cannot report coverage; run the same code here.

    Celery's soft limit is a signal whose handler raises SoftTimeLimitExceeded: so is this one.
    """
    from celery.exceptions import SoftTimeLimitExceeded

    from snippets.scaling.job_reliability import export_early, ignores_the_soft_limit, wait_for

    def soft_limit(signum, frame):
        raise SoftTimeLimitExceeded()

    previous = signal.signal(signal.SIGALRM, soft_limit)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        assert ignores_the_soft_limit(seconds=0.2) is None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    wait_for(tmp_path / "go", seconds=0.1)  # no "go": gives up at its deadline
    (tmp_path / "go").touch()
    assert export_early(str(tmp_path), "here") == os.getpid()


def test_rq_job_timeout_and_result_ttl(tmp_path):
    from snippets.scaling.job_reliability import enqueue_exports

    with redis_server(tmp_path) as url:
        quick, stuck = enqueue_exports(url)
        worker = ["-m", "rq.cli", "worker", "--burst", "--url", url, "exports"]
        with python_process(worker, tmp_path, "rq") as process:
            assert process.wait(timeout=30) == 0
        quick.refresh(), stuck.refresh()
        connection = quick.connection
        ttl_done, ttl_failed = connection.ttl(quick.key), connection.ttl(stuck.key)
        status = quick.get_status(), stuck.get_status()
        error, value = stuck.latest_result().exc_string, quick.return_value()
        connection.close()

    assert status == ("finished", "failed")
    assert value == "exported"
    assert "JobTimeoutException" in error
    assert 590 < ttl_done <= 600                       # result_ttl=600 on the quick job
    assert 365 * 24 * 3600 - 60 < ttl_failed <= 365 * 24 * 3600  # failure_ttl's default: a year
