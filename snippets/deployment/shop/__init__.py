"""The shop app, set up for production: config from the environment, logging,
ProxyFix."""

import logging.config

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from .logging_config import LOGGING


# --8<-- [start:factory]
def create_app(test_config=None):
    if test_config is None:  # tests keep their own logging (pytest's capture)
        # before app.logger exists: its first use creates it
        logging.config.dictConfig(LOGGING)

    app = Flask(__name__)
    app.config.from_mapping(
        BEHIND_PROXY=False,
        # nginx says the same: client_max_body_size 1m
        MAX_CONTENT_LENGTH=1024 * 1024,
    )
    # FLASK_SECRET_KEY, FLASK_BEHIND_PROXY=true, ...
    app.config.from_prefixed_env()
    if test_config:
        app.config.update(test_config)

    if not app.config.get("SECRET_KEY"):
        raise RuntimeError(
            "FLASK_SECRET_KEY is not set; refusing to start without it."
        )

    if app.config["BEHIND_PROXY"]:
        # One proxy (nginx) sets each of these headers: trust one value of each.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)

    from . import views

    app.register_blueprint(views.bp)
    app.logger.info("shop ready, behind_proxy=%s", app.config["BEHIND_PROXY"])
    return app
# --8<-- [end:factory]
