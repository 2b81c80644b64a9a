"""Real workers: a Celery worker and an RQ worker, each started here and stopped at the end."""


from tests.servers import python_process, redis_server, wait_for


def poll(client, location, seconds=15):
    """GET `location` until it stops answering 202; a deadline, never an open-ended loop."""
    def done():
        response = client.get(location)
        return response if response.status_code != 202 else None
    return wait_for(done, seconds, f"{location} answering something other than 202")


def test_celery_worker_runs_the_task_in_an_app_context(tmp_path):
    from snippets.scaling.celery_tasks import create_app

    with redis_server(tmp_path) as url:
        app = create_app(url)
        client = app.test_client()
        started = client.post("/reports", json={"order_totals": [12, 30]})
        failing = client.post("/reports", json={"order_totals": []})
        assert started.status_code == 202
        location = started.headers["Location"]
        assert location == f"/reports/{started.get_json()['task_id']}"
        pending = client.get(location)  # no worker yet: the job waits in Redis
        assert pending.status_code == 202
        assert pending.get_json() == {"state": "PENDING"}
        assert pending.headers["Retry-After"] == "1"

        worker = ["-m", "celery", "-A", "snippets.scaling.celery_worker:celery_app", "worker",
                  "--pool=solo", "--concurrency=1", "--loglevel=WARNING", "--without-gossip",
                  "--without-mingle", "--without-heartbeat"]
        with python_process(worker, tmp_path, "celery", env={"REDIS_URL": url}):
            done = poll(client, location)
            failed = poll(client, failing.headers["Location"])
            unknown = client.get("/reports/no-such-task")  # Celery can't tell: PENDING
        celery = app.extensions["celery"]
        celery.backend.result_consumer.stop()  # its pub/sub connection, before Redis stops
        celery.backend.result_consumer._pubsub = None  # or it reconnects, for 20 s, at exit
        celery.close()

    assert done.status_code == 200
    assert done.get_json() == {"state": "SUCCESS",
                               "report": {"shop": "Corner Shop", "orders": 2, "total": 42}}
    assert unknown.status_code == 202 and unknown.get_json() == {"state": "PENDING"}
    assert failed.status_code == 500
    assert failed.get_json() == {"state": "FAILURE",
                                 "error": "ValueError('no orders to report on')"}


def test_rq_burst_worker_runs_the_job_then_exits(tmp_path):
    from snippets.scaling.rq_jobs import create_app

    with redis_server(tmp_path) as url:
        app = create_app(url)
        client = app.test_client()
        started = client.post("/word-counts", json={"text": "The art of scaling a Flask app"})
        assert started.status_code == 202
        location = started.headers["Location"]
        assert client.get(location).get_json() == {"status": "queued"}

        worker = ["-m", "rq.cli", "worker", "--burst", "--url", url, "reports"]
        with python_process(worker, tmp_path, "rq", env={"REDIS_URL": url}) as process:
            assert process.wait(timeout=20) == 0  # --burst: empty queue, worker exits
        done = poll(client, location)
        missing = client.get("/word-counts/no-such-job")
        app.extensions["rq"].connection.close()

    assert done.status_code == 200
    assert done.get_json() == {"status": "finished", "words": 4}
    assert missing.status_code == 404


def apps_built_for_three_jobs(tmp_path, worker_class=None):
    """Three jobs through a real `rq worker --burst`: which process built the app each one ran in."""
    from snippets.scaling.rq_jobs import create_app, where_built

    with redis_server(tmp_path) as url:
        queue = create_app(url).extensions["rq"]
        jobs = [queue.enqueue(where_built) for _ in range(3)]
        worker = ["-m", "rq.cli", "worker", "--burst", "--url", url, "reports"]
        if worker_class:
            worker += ["--worker-class", worker_class]
        with python_process(worker, tmp_path, "rq", env={"REDIS_URL": url}) as process:
            assert process.wait(timeout=30) == 0
            worker_pid = process.pid
        results = [job.return_value(refresh=True) for job in jobs]
        queue.connection.close()
    return worker_pid, results


def test_the_default_rq_worker_builds_the_app_again_for_every_job(tmp_path):
    worker_pid, results = apps_built_for_three_jobs(tmp_path)
    assert len({r["app_built_in"] for r in results}) == 3  # three jobs, three apps
    assert all(r["app_built_in"] == r["job_ran_in"] != worker_pid for r in results)  # each in its own fork


def test_flask_worker_builds_the_app_once_and_every_job_inherits_it(tmp_path):
    worker_pid, results = apps_built_for_three_jobs(tmp_path, "snippets.scaling.rq_jobs.FlaskWorker")
    assert {r["app_built_in"] for r in results} == {worker_pid}  # one app, built in the worker
    assert len({r["job_ran_in"] for r in results}) == 3  # still a fresh fork per job
    assert worker_pid not in {r["job_ran_in"] for r in results}


def test_flask_task_pushes_the_app_context_in_process():
    # The same task, run eagerly here: FlaskTask.__call__ is what gives it current_app.
    from snippets.scaling.celery_tasks import build_report, create_app

    app = create_app("redis://127.0.0.1:9/0")  # apply() runs locally: nothing connects
    assert build_report.apply(args=[[5, 7]]).get() == {"shop": "Corner Shop", "orders": 2,
                                                       "total": 12}
    app.extensions["celery"].close()


def test_rq_job_builds_its_own_app_context(monkeypatch):
    from snippets.scaling import rq_jobs

    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:9/0")  # read, never connected to
    rq_jobs.worker_app.cache_clear()
    assert rq_jobs.count_words("The shape of a queue") == 2
    rq_jobs.worker_app.cache_clear()
