"""Gunicorn configuration: give each forked worker a fresh pool."""


# --8<-- [start:post-fork]
def post_fork(server, worker):
    """Runs in the new worker, right after the fork (and, for gevent, before
    patching)."""
    from snippets.scaling.fork_safety import app, db

    with app.app_context():
        for engine in db.engines.values():
            # forget the parent's connections; do not close them
            engine.dispose(close=False)
# --8<-- [end:post-fork]
