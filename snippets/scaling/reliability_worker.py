"""What `celery -A` points at for the reliability tasks; the test sets
REDIS_URL and the timeout.

    python -m celery -A snippets.scaling.reliability_worker:celery_app worker
"""

import os

from snippets.scaling.job_reliability import create_app, reliable_celery_config

VISIBILITY = float(os.environ.get("VISIBILITY_TIMEOUT", 3600))
options = reliable_celery_config(os.environ["REDIS_URL"], VISIBILITY)[
    "broker_transport_options"
]
# a short timeout is only useful with the sweep that looks for expired messages
# running often
options |= (
    {"unacked_restore_interval": 1, "unacked_restore_throttle": 1}
    if VISIBILITY < 60
    else {}
)
flask_app = create_app(broker_transport_options=options)
celery_app = flask_app.extensions["celery"]
