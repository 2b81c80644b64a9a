"""The browser's half of "Edit and run": one example's calls, run in Pyodide as the recorder runs
them (scripts/record_worker.py), formatted by the same scripts/exchange.py.

docs/assets/runner-worker.js writes this file, exchange.py and the example's files into
Pyodide's file system, calls freeze() before Flask is imported, then run() for each click of Run.
"""

import contextlib
import datetime
import importlib
import io
import json
import shutil
import sys
import time
import traceback
from pathlib import Path

HOME = Path("/guide")  # the example's files go to /guide/snippets/..., as under the repository


def freeze(iso):
    """The recorder's frozen clock (it uses time_machine, a C extension Pyodide lacks): time.time()
    and datetime.now() give `iso` from now on. Called before Flask is imported, so Werkzeug's and
    itsdangerous' `from datetime import datetime` get the frozen class."""
    frozen = datetime.datetime.fromisoformat(iso)
    stamp = frozen.timestamp()
    real = datetime.datetime

    class AnyDatetime(type):
        def __instancecheck__(cls, value):  # a datetime made before the freeze still is one
            return isinstance(value, real)

    class FrozenDatetime(real, metaclass=AnyDatetime):
        @classmethod
        def now(cls, tz=None):
            at = frozen.astimezone(tz) if tz else frozen.astimezone(datetime.timezone.utc).replace(tzinfo=None)
            return cls(at.year, at.month, at.day, at.hour, at.minute, at.second, at.microsecond, at.tzinfo)

        @classmethod
        def utcnow(cls):
            return cls.now(datetime.timezone.utc).replace(tzinfo=None)

        @classmethod
        def today(cls):
            return cls.now()

    datetime.datetime = FrozenDatetime
    gmtime, localtime = time.gmtime, time.localtime
    time.time = lambda: stamp
    time.time_ns = lambda: int(stamp) * 10**9
    time.gmtime = lambda secs=None: gmtime(stamp if secs is None else secs)
    time.localtime = lambda secs=None: localtime(stamp if secs is None else secs)


def run(bundle_json, calls_json):
    """Import the example afresh from its (edited) files and send each call, in order, through
    the recorder's exchange; calls before the shown ones are the page's earlier requests to the
    same example, so module state and a shared client's cookies are what the page had.
    Returns JSON: {"error": traceback} when the import fails, else {"results": [...]}, each
    {"blocks": [[title, text], ...], "logged": stderr} or {"error": traceback}."""
    import exchange

    bundle, calls = json.loads(bundle_json), json.loads(calls_json)
    for name in [n for n in sys.modules if n == "snippets" or n.startswith("snippets.")]:
        del sys.modules[name]
    shutil.rmtree(HOME / "snippets", ignore_errors=True)
    for path, text in bundle["files"].items():
        (HOME / path).parent.mkdir(parents=True, exist_ok=True)
        (HOME / path).write_text(text, encoding="utf-8")
    importlib.invalidate_caches()
    try:
        module = importlib.import_module(bundle["module"])
    except BaseException as error:
        return json.dumps({"error": shown_traceback(error)})
    clients, results = {}, []
    for call in calls:
        try:
            key = (call["app"], call["client"])
            if call["client"] is None or key not in clients:
                name = call["app"]
                app = getattr(module, name[:-2])() if name.endswith("()") else getattr(module, name)
                clients[key] = app.test_client()
            with contextlib.redirect_stderr(io.StringIO()) as logged:
                response = exchange.send(clients[key], call["request"], call["url_for"], **call["options"])
            try:
                results.append({"blocks": exchange.shown(response, call["options"]), "logged": logged.getvalue()})
            finally:
                exchange.close(response)
        except BaseException as error:
            results.append({"error": shown_traceback(error)})
    return json.dumps({"results": results})


def shown_traceback(error):
    """The traceback from the example's own frames on (not this file's or the import system's),
    with paths as in the repository: snippets/routing/methods.py."""
    stack = traceback.TracebackException.from_exception(error)
    stack.stack = traceback.StackSummary.from_list(
        [frame for frame in stack.stack if not frame.filename.startswith("<frozen")
         and not frame.filename.endswith("runner_driver.py")])
    return "".join(stack.format()).replace(f"{HOME}/", "")
