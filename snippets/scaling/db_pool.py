"""The connection pool belongs to SQLAlchemy's engine: configure it with
SQLALCHEMY_ENGINE_OPTIONS."""

from flask import Flask
from flask_sqlalchemy import SQLAlchemy


# --8<-- [start:engine-options]
def create_app(database_url):
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = database_url
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {
        "pool_size": 10,  # connections kept open, per process
        "max_overflow": 5,  # extra ones under bursts, closed when returned
        "pool_timeout": 5,  # seconds to wait for a free one before raising
        # test each connection on checkout ("SELECT 1"-style)
        "pool_pre_ping": True,
        "pool_recycle": 1800,  # replace connections older than 30 min
    }
    SQLAlchemy(app)
    return app
# --8<-- [end:engine-options]


# --8<-- [start:legacy-keys]
def create_app_legacy(database_url):
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = database_url
    # removed in Flask-SQLAlchemy 3.0: ignored
    app.config["SQLALCHEMY_POOL_SIZE"] = 20
    SQLAlchemy(app)
    return app
# --8<-- [end:legacy-keys]


def pool_settings(app):
    with app.app_context():
        pool = app.extensions["sqlalchemy"].engine.pool
        return {
            "class": type(pool).__name__,
            "size": pool.size(),
            "max_overflow": pool._max_overflow,
            "timeout": pool.timeout(),
            "pre_ping": pool._pre_ping,
            "recycle": pool._recycle,
        }


def compare():
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/shop.db"
        return (
            f"SQLALCHEMY_ENGINE_OPTIONS -> {pool_settings(create_app(url))}\n"
            "SQLALCHEMY_POOL_SIZE      -> "
            f"{pool_settings(create_app_legacy(url))}"
        )


# --8<-- [start:arithmetic]
def connections_needed(
    pool_size, max_overflow, processes_per_instance, instances
):
    """The most connections a deployment can open: every process has its own
    pool."""
    return (pool_size + max_overflow) * processes_per_instance * instances


def sizing_table():
    rows = [
        ("4 sync workers x 3 instances", 10, 5, 4, 3),
        ("4 sync workers x 3 instances, small pool", 2, 1, 4, 3),
        ("+ 8 Celery worker processes x 2 hosts", 2, 1, 8, 2),
    ]
    lines = [f"{'deployment':42} {'pool+overflow':>13} {'max connections':>16}"]
    for name, size, overflow, processes, instances in rows:
        total = connections_needed(size, overflow, processes, instances)
        lines.append(f"{name:42} {f'{size}+{overflow}':>13} {total:>16}")
    return "\n".join(lines)
# --8<-- [end:arithmetic]
