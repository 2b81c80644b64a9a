"""What `celery -A` points at: the factory's Celery app.

    python -m celery -A snippets.scaling.celery_worker:celery_app worker \
        --loglevel INFO
"""

from snippets.scaling.celery_tasks import create_app

flask_app = create_app()  # reads REDIS_URL from the environment
celery_app = flask_app.extensions["celery"]
