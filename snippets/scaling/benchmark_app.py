"""Two endpoints that cost the same wall time, for opposite reasons."""

import os
import time

from flask import Flask

app = Flask(__name__)
app.config["CPU_ROUNDS"] = int(os.environ.get("CPU_ROUNDS", 1_000_000))  # the tests use fewer


# --8<-- [start:endpoints]
@app.get("/io")
def io_bound():
    time.sleep(0.05)  # a query or an HTTP call: the thread waits, the CPU is idle
    return {"pid": os.getpid()}


@app.get("/cpu")
def cpu_bound():
    rounds = app.config["CPU_ROUNDS"]
    total = sum(i * i for i in range(rounds))  # pure Python: holds the GIL (~45 ms)
    return {"pid": os.getpid(), "total": total}
# --8<-- [end:endpoints]
