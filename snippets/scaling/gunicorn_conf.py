"""Gunicorn settings for scaling and memory:

    gunicorn -c gunicorn_conf.py 'app:create_app()'
"""

import multiprocessing
import os

# --8<-- [start:workers]
# one per core...
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))
worker_class = "gthread"
# ...and threads for the waiting
threads = int(os.environ.get("GUNICORN_THREADS", 4))
# --8<-- [end:workers]

# --8<-- [start:memory]
# import the app once in the master, fork workers from it
preload_app = True
# then replace the worker...
max_requests = int(os.environ.get("MAX_REQUESTS", 1000))
# ...not all of them at once
max_requests_jitter = max_requests // 10
# --8<-- [end:memory]


# --8<-- [start:metrics]
def child_exit(server, worker):  # runs in the master when a worker exits
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)  # drop its live gauges
# --8<-- [end:metrics]
