"""Gunicorn settings for the shop:

    gunicorn --config gunicorn.conf.py 'shop:create_app()'
"""

import multiprocessing
import os

# --8<-- [start:server]
# Where to listen. Behind nginx on the same host: loopback only. The Dockerfile
# sets GUNICORN_BIND=0.0.0.0:8000 because a container's port is reached from
# outside it.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Processes x threads = requests handled at once. WEB_CONCURRENCY is the usual
# knob for platforms (and for the tests); the default is Gunicorn's rule of
# thumb.
workers = int(
    os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1)
)
worker_class = "gthread"
threads = 4
# --8<-- [end:server]

# --8<-- [start:lifecycle]
timeout = 30  # a worker silent this long is killed and replaced
graceful_timeout = 30  # on SIGTERM or SIGHUP, in-flight requests get this long
keepalive = 5
# recycle a worker after this many requests (slow leaks) ...
max_requests = 1000
# ... at a random point, so they do not all restart at once
max_requests_jitter = 100
preload_app = False  # each worker imports the app: SIGHUP then loads new code
# --8<-- [end:lifecycle]

# --8<-- [start:logging]
accesslog = "-"  # one line per request, to stdout
errorlog = "-"  # Gunicorn's own messages and the app's logging, to stderr
loglevel = "info"
# --8<-- [end:logging]

# --8<-- [start:proxy]
# Proxy headers are ProxyFix's job (see shop/__init__.py). Gunicorn would
# otherwise trust X-Forwarded-Proto from 127.0.0.1 on its own; trust no one here
# instead.
forwarded_allow_ips = ""
# --8<-- [end:proxy]
