# --8<-- [start:views]
from flask import Blueprint, current_app

bp = Blueprint("main", __name__)  # views need a blueprint, not the app


@bp.get("/")
def index():
    # whichever app is handling the request
    return current_app.config["GREETING"]


# --8<-- [end:views]
