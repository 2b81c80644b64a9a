"""The same app without the loop: views live on a blueprint and reach the app through
`current_app`, so nothing imports the module that creates it."""

from flask import Blueprint, Flask, current_app

# --8<-- [start:fixed]
bp = Blueprint("pages", __name__)


@bp.get("/")
def index():
    return f"served by {current_app.name}"  # the app of this request


def create_app():
    app = Flask(__name__)
    app.register_blueprint(bp)
    return app
# --8<-- [end:fixed]
