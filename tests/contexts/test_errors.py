import runpy
import sys
from pathlib import Path

import pytest
from flask import current_app, request

from snippets.contexts import error_messages, script_without_context, task_worker, thread_in_a_view
from snippets.contexts.import_time_fixed import create_app, setup_log

# The exact text Flask 3.1.3 raises (flask/globals.py). Flask 3.2 rewords both.
NO_APP = (
    "Working outside of application context.\n\n"
    "This typically means that you attempted to use functionality that needed\n"
    "the current application. To solve this, set up an application context\n"
    "with app.app_context(). See the documentation for more information."
)
NO_REQUEST = (
    "Working outside of request context.\n\n"
    "This typically means that you attempted to use functionality that needed\n"
    "an active HTTP request. Consult the documentation on testing for\n"
    "information about how to avoid this problem."
)


def test_exact_messages():
    with pytest.raises(RuntimeError) as no_app:
        current_app.config
    with pytest.raises(RuntimeError) as no_request:
        request.args
    assert str(no_app.value) == NO_APP
    assert str(no_request.value) == NO_REQUEST


def test_import_time_access_fails_and_leaves_no_half_imported_module():
    assert error_messages.import_a_module_that_reads_config() == f"RuntimeError: {NO_APP}"
    assert "snippets.contexts.import_time_broken" not in sys.modules


def test_request_outside_a_request():
    assert error_messages.read_request_outside_a_request() == f"RuntimeError: {NO_REQUEST}"


def test_import_time_fix_reads_config_per_request_and_sets_up_in_app_context():
    setup_log.clear()
    app = create_app(page_size=50)
    assert setup_log == ["warm_up saw PAGE_SIZE=50"]
    response = app.test_client().get("/products")
    assert response.status_code == 200
    assert response.json == {"page_size": 50}


def test_plain_script_without_context():
    assert script_without_context.what_the_broken_script_prints() == f"RuntimeError: {NO_APP}"


def test_plain_script_with_app_context(capsys):
    runpy.run_path(str(Path(script_without_context.__file__)), run_name="__main__")
    assert capsys.readouterr().out == "Weekly sales\n"


def test_thread_without_context():
    assert thread_in_a_view.what_the_broken_views_raise().splitlines() == [
        "broken        RuntimeError: Working outside of application context.",
        "broken_audit  RuntimeError: Working outside of request context.",
    ]
    with thread_in_a_view.app.test_request_context("/broken/1", method="POST"):
        with pytest.raises(RuntimeError) as exc:
            thread_in_a_view.broken(1)
    assert str(exc.value) == NO_APP


def test_thread_fixes():
    client = thread_in_a_view.app.test_client()
    response = client.post("/orders/7")
    assert response.status_code == 200
    assert response.text == "Corner Shop: receipt for order 7"
    response = client.post("/orders/7/audit", headers={"User-Agent": "curl/8.5"})
    assert response.status_code == 200
    assert response.text == "order 7 placed from curl/8.5"


def test_task_worker_without_context():
    assert task_worker.what_the_broken_worker_raises() == (
        "RuntimeError: Working outside of application context."
    )
    assert task_worker.jobs.empty()


def test_task_worker_pushes_an_app_context_per_job():
    response = task_worker.app.test_client().post("/signup", data={"email": "ada@example.com"})
    assert response.status_code == 202
    assert response.json == {"queued": "ada@example.com"}
    task_worker.outbox.clear()
    task_worker.run_pending_jobs(task_worker.app)
    assert task_worker.outbox == ["shop@example.com -> ada@example.com: welcome!"]
    assert task_worker.signup_then_work() == "shop@example.com -> grace@example.com: welcome!"
