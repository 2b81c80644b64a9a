"""Per-blueprint template and static folders, and the name-collision pitfall."""

import logging
from pathlib import Path

from flask import Flask, render_template, request, url_for

from .admin.views import admin
from .shop.views import shop

ROOT = (
    str(Path(__file__).resolve().parents[3]) + "/"
)  # to print paths from the repo root


# --8<-- [start:factory]
def create_app():
    app = Flask(__name__)  # ./templates: searched FIRST, before any blueprint
    app.register_blueprint(admin, url_prefix="/admin")  # searched second
    app.register_blueprint(shop, url_prefix="/shop")  # searched third

    @app.get("/")
    def index():
        return render_template("index.html")

    @app.get("/featured")
    def featured():
        return render_template(
            "shop/index.html"
        )  # the app's view reuses a shop page

    return app


# --8<-- [end:factory]


# --8<-- [start:dot_static]
def what_dot_static_means():
    """Build url_for('.static') during a shop request and during an app request.
    """
    app, lines = create_app(), []
    for path in ["/shop/", "/featured"]:
        with app.test_request_context(path):
            url = url_for(".static", filename="shop.css")
            lines.append(
                f"{path:10} request.blueprint={request.blueprint!r:7} "
                f"'.static' -> {url}"
            )
    return "\n".join(lines)


# --8<-- [end:dot_static]


# --8<-- [start:explain]
class _Collect(logging.Handler):
    def __init__(self):
        super().__init__()
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def explain_lookup():
    """Request /shop/layout-collision with EXPLAIN_TEMPLATE_LOADING on; return
    the log.
    """
    app = create_app()
    app.config["EXPLAIN_TEMPLATE_LOADING"] = True
    collect = _Collect()
    logger = logging.getLogger(app.name)  # app.logger is this logger
    logger.addHandler(collect)
    logger.setLevel(logging.INFO)
    try:
        app.test_client().get("/shop/layout-collision")
    finally:
        logger.removeHandler(collect)
    return "\n".join(collect.messages).replace(ROOT, "")


# --8<-- [end:explain]
