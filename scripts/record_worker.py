"""Run pages' http/run calls, each page in a process of its own, and write what each shows as JSON.

    python -m record_worker JOBS.json   (scripts/record.py starts it; each job: ROOT, PAGE, RESULT, LOG)

This process imports Flask, Werkzeug, Jinja and the harness, never an example, then forks one
child per page, WORKERS at a time: a page starts from a clean interpreter that has only imported
what every page imports anyway, in 0.02 s instead of the 0.2 s a new interpreter took here to
import it all again. A child's output and errors go to the job's LOG; one that runs longer than
TIMEOUT is stopped. Where there is no fork (Windows), each page gets a new interpreter instead:
`python -m record_worker ROOT PAGE RESULT` runs one page in this process.

The clock is frozen at FROZEN for the whole page, so dates, signed cookies, token expiries and
rate-limit resets are the same on every run. A call fails, with the page, the call and the
reason (for an exception, the snippet's file and line), when its example raises, or when an
`http` response is 400 or more and the call does not state it (`status=404`), or states another.
"""

import contextlib
import importlib
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
import traceback
from pathlib import Path

import exchange  # sending a request and formatting it: shared with the browser's "Edit and run"
from exchange import FROZEN
from record import records

# time_machine imports pytest, when installed, for its fixture, which no example uses: that was
# 0.35 s of a run's 0.8 s here. So pytest is hidden while time_machine loads (unless it is loaded).
_pytest_was_loaded = "pytest" in sys.modules
sys.modules.setdefault("pytest", None)
import time_machine  # noqa: E402

if not _pytest_was_loaded:
    del sys.modules["pytest"]


WORKERS = os.cpu_count() or 2
TIMEOUT = 300  # seconds a page may run


class CallFailed(Exception):
    """The message says why, in a line a contributor can act on."""


def main(root, page, result_file):
    root, page = Path(root), Path(page)
    sys.path.insert(0, str(root))
    page_name = str(page.relative_to(root) if page.is_absolute() else page)
    clients, outputs, errors = {}, {}, []
    calls = records.page_calls(root / page_name)
    with time_machine.travel(FROZEN, tick=False):
        for (key, _example, call), (name, args, kwargs) in zip(records.keyed(page_name, calls), calls):
            kwargs = {k: v for k, v in kwargs.items() if k not in records.FORMATTING}
            try:
                outputs[key] = http(clients, root, *args, **kwargs) if name == "http" else run(*args, **kwargs)
            except CallFailed as error:
                errors.append(f"{page_name}: {call}: {error}")
            except Exception as error:
                errors.append(f"{page_name}: {call}: {reason(error, root)}")
    Path(result_file).write_text(json.dumps({"outputs": outputs, "errors": errors}))


def run_all(jobs):
    """Each job (root, page, result file, log file) in a process of its own, WORKERS at a time."""
    if not hasattr(os, "fork"):
        for root, page, result_file, log_file in jobs:
            with open(log_file, "w") as log:
                try:
                    subprocess.run([sys.executable, "-m", "record_worker", root, page, result_file], cwd=root,
                                   stdout=log, stderr=subprocess.STDOUT, timeout=TIMEOUT, check=False)
                except subprocess.TimeoutExpired:
                    log.write(f"stopped after {TIMEOUT} s\n")
        return
    waiting, running = list(jobs), {}  # pid -> (deadline, job)
    while waiting or running:
        while waiting and len(running) < WORKERS:
            job = waiting.pop(0)
            running[fork(*job)] = (time.monotonic() + TIMEOUT, job)
        pid, status = os.waitpid(-1, os.WNOHANG)
        if pid:
            _, job = running.pop(pid)
            if os.WIFSIGNALED(status) and os.WTERMSIG(status) != signal.SIGKILL:  # a crash: say which
                with open(job[3], "a") as log:
                    log.write(f"ended by signal {signal.Signals(os.WTERMSIG(status)).name}\n")
            continue
        time.sleep(0.005)
        for pid, (deadline, job) in list(running.items()):
            if time.monotonic() > deadline:
                os.kill(pid, signal.SIGKILL)
                running[pid] = (float("inf"), job)  # reaped by waitpid above
                with open(job[3], "a") as log:
                    log.write(f"stopped after {TIMEOUT} s\n")


def fork(root, page, result_file, log_file):
    """A child that runs the page, its output going to `log_file`: its pid."""
    if pid := os.fork():
        return pid
    try:  # the child, which never returns
        log = os.open(log_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(log, 1)
        os.dup2(log, 2)
        os.chdir(root)
        main(root, page, result_file)
    except BaseException:
        traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()  # an example may have closed or replaced them
            sys.stderr.flush()
        finally:
            os._exit(0)


def run(example, function):
    return [("output", str(getattr(module(example), function)()).rstrip("\n"))]


def http(clients, root, example, request, app="app", client=None, url_for=None, status=None, **client_kwargs):
    key = (example, app, client)
    if client is None or key not in clients:
        clients[key] = application(example, app).test_client()
    with contextlib.redirect_stderr(io.StringIO()) as logged:  # a 500's traceback: news only if unstated
        response = exchange.send(clients[key], request, url_for, **client_kwargs)
    try:
        check_status(response, status, clients[key].application, logged.getvalue(), root)
        return exchange.shown(response, client_kwargs)
    finally:
        exchange.close(response)


def module(example):
    """snippets/<example> as a module: 'routing/methods.py' -> snippets.routing.methods."""
    return importlib.import_module("snippets." + example.removesuffix(".py").replace("/", "."))


def application(example, attribute):
    found = module(example)
    return getattr(found, attribute[:-2])() if attribute.endswith("()") else getattr(found, attribute)


def check_status(response, status, app, logged, root):
    if status is not None and response.status_code != status:
        raise CallFailed(f"the response is {response.status}, but the call states status={status}.")
    if status is None and response.status_code >= 400:
        if raised := logged_exception(logged, root):
            hint = f"the view raised {raised}"
        else:
            routes = ", ".join(sorted({rule.rule for rule in app.url_map.iter_rules()}))
            hint = f"if not, fix the method or path (the app's routes: {routes})"
        raise CallFailed(f"the response is {response.status}. If the page means to show it, say so "
                         f"with status={response.status_code}; {hint}.")


def logged_exception(logged, root):
    """'TypeError: ... (snippets/x.py:9)' from the traceback Flask logged for a 500, or ''."""
    lines = [line for line in logged.splitlines() if line.strip()]
    frames = [(f, n) for f, n in re.findall(r'File "([^"]+)", line (\d+)', logged) if in_snippets(f, root)]
    if not lines or "Traceback" not in logged:
        return ""
    return lines[-1].strip() + (f" ({relative(frames[-1][0], root)}:{frames[-1][1]})" if frames else "")


def reason(error, root):
    """'NameError: ... (snippets/demo/greet.py:12)': the type, the message and the innermost
    line of a snippet the error passed through."""
    where = ""
    if isinstance(error, SyntaxError) and error.filename:
        where = f"{relative(error.filename, root)}:{error.lineno}"
    for frame in traceback.extract_tb(error.__traceback__):
        if in_snippets(frame.filename, root):
            where = f"{relative(frame.filename, root)}:{frame.lineno}"
    return f"{type(error).__name__}: {error}" + (f" ({where})" if where else "")


def in_snippets(filename, root):
    return Path(filename).resolve().is_relative_to(Path(root).resolve() / "snippets")


def relative(filename, root):
    path = Path(filename).resolve()
    return str(path.relative_to(Path(root).resolve())) if path.is_relative_to(Path(root).resolve()) else filename


if __name__ == "__main__":
    if len(sys.argv) == 2:
        run_all(json.loads(Path(sys.argv[1]).read_text()))
    else:
        main(*sys.argv[1:4])
