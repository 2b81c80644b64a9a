"""Start reloader_demo.py for real, read its output to the debugger, stop it."""

import contextlib
import os
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path

DEMO = Path(__file__).with_name("reloader_demo.py")


# --8<-- [start:probe]
def console_of_python_reloader_demo(
    command=(sys.executable, str(DEMO)), timeout=30
):
    """What `python reloader_demo.py` prints, up to the debugger PIN."""
    # port 0: any free port
    env = {**os.environ, "PORT": "0", "PYTHONUNBUFFERED": "1"}
    for name in ("WERKZEUG_RUN_MAIN", "WERKZEUG_SERVER_FD",
                 "FLASK_DEBUG", "FLASK_RUN_FROM_CLI"):
        env.pop(name, None)
    lines = []
    with subprocess.Popen(
        command, env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group
    ) as server:

        def stop():  # the watcher and its server share the process group
            with contextlib.suppress(ProcessLookupError):  # already gone
                os.killpg(server.pid, signal.SIGTERM)

        deadline = threading.Timer(timeout, stop)
        deadline.start()
        try:
            for line in server.stdout:
                masked = re.sub(r"PIN: [\d-]+", "PIN: nnn-nnn-nnn", line)
                lines.append(masked.rstrip())
                if "Debugger PIN" in line:
                    break
        finally:
            deadline.cancel()
            stop()
    return "\n".join(lines)
# --8<-- [end:probe]
