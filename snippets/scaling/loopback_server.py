"""Start Gunicorn on a free loopback port for a measurement; stop it, and its
workers, afterwards."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# so "snippets.scaling.x:app" imports
REPOSITORY = Path(__file__).resolve().parents[2]


# --8<-- [start:gunicorn]
@contextlib.contextmanager
def gunicorn(app, args=(), env=None, seconds=20):
    """Yield the base URL of `gunicorn <args> <app>` bound to a free port on
    127.0.0.1."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # --no-control-socket: no socket left in ~/.gunicorn
    command = [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}",
               "--no-control-socket", *args, app]
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            command,
            cwd=REPOSITORY,
            env={**os.environ, **(env or {})},
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + seconds
            while True:  # until it listens, exits, or the deadline passes
                with (
                    contextlib.suppress(OSError),
                    socket.create_connection(("127.0.0.1", port), 1),
                ):
                    break
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise RuntimeError(
                        f"Gunicorn did not start:\n{log.read().decode()}"
                    )
                time.sleep(0.05)
            yield f"http://127.0.0.1:{port}"
        finally:
            # it may have exited already
            with contextlib.suppress(ProcessLookupError):
                # graceful: the master stops its workers
                os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=35)  # Gunicorn's graceful_timeout is 30 s
# --8<-- [end:gunicorn]
