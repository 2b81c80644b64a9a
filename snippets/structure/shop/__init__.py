"""The shop package: `flask --app shop` finds create_app() here."""

# --8<-- [start:factory]
import os

from flask import Flask

from . import cli, config
from .catalog import views as catalog
from .extensions import db


def create_app(test_config=None):
    app = Flask(
        __name__,
        instance_relative_config=True,
        # None: ./instance
        instance_path=os.environ.get("SHOP_INSTANCE_PATH"),
    )

    # Later sources override earlier ones.
    app.config.from_object(
        config.BY_NAME[os.environ.get("SHOP_ENV", "production")]
    )
    # instance/config.py, if there is one
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("SHOP")  # SHOP_SECRET_KEY=... and friends
    if test_config is not None:
        app.config.from_mapping(test_config)
    if not app.config.get("SECRET_KEY"):
        raise RuntimeError(
            "SECRET_KEY is not set: put it in instance/config.py "
            "or in the SHOP_SECRET_KEY environment variable."
        )

    # the extension object is shared; its state per app lives on app
    db.init_app(app)
    app.register_blueprint(catalog.bp)
    app.cli.add_command(cli.init_db)
    app.cli.add_command(cli.create_users)
    return app


# --8<-- [end:factory]
