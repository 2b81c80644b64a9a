"""A pooled connection opened before Gunicorn forks, and the hook that keeps it
out of the workers.

    DB_PATH=/tmp/shop.db gunicorn --preload -w 2 \
        snippets.scaling.fork_safety:app
    DB_PATH=/tmp/shop.db gunicorn --preload -w 2 \
        -c snippets/scaling/fork_safety_conf.py ...
"""

import os

from flask import Flask, current_app
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import event, text

db = SQLAlchemy()


# --8<-- [start:app]
def create_app():
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{os.environ['DB_PATH']}"
    app.config["IMPORTED_IN"] = os.getpid()
    db.init_app(app)
    with app.app_context():
        event.listen(db.engine, "connect", remember_opener)
        # a "warm-up" query at import: the mistake
        db.session.execute(text("SELECT 1"))
    app.add_url_rule("/whoami", view_func=whoami)
    return app


def remember_opener(dbapi_connection, connection_record):
    # travels with the DBAPI connection
    connection_record.info["opened_in"] = os.getpid()


def whoami():
    with db.engine.connect() as connection:
        opened_in = connection.connection.info["opened_in"]
    return {
        "worker": os.getpid(),
        "connection_opened_in": opened_in,
        "app_imported_in": current_app.config["IMPORTED_IN"],
    }
# --8<-- [end:app]


app = create_app()
