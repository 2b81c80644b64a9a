"""A small app for the CLI entries: Flask-Migrate registers `flask db` only when asked."""

from flask import Flask
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


# --8<-- [start:shop]
def create_app(migrations=False):
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
    db.init_app(app)
    if migrations:
        Migrate(app, db)  # registers nothing on the CLI until this line runs
    app.add_url_rule("/", "index", lambda: "shop")
    return app
# --8<-- [end:shop]
