"""Two endpoints that cost the same wall time, for opposite reasons."""

import os
import time

from flask import Flask

app = Flask(__name__)
# the tests use fewer
app.config["CPU_ROUNDS"] = int(os.environ.get("CPU_ROUNDS", 1_000_000))


# --8<-- [start:endpoints]
@app.get("/io")
def io_bound():
    # a query or an HTTP call: the thread waits, the CPU is idle
    time.sleep(0.05)
    return {"pid": os.getpid()}


@app.get("/cpu")
def cpu_bound():
    rounds = app.config["CPU_ROUNDS"]
    # pure Python: holds the GIL (~45 ms)
    total = sum(i * i for i in range(rounds))
    return {"pid": os.getpid(), "total": total}
# --8<-- [end:endpoints]
