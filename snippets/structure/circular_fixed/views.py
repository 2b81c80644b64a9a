# --8<-- [start:views]
from flask import Blueprint, current_app

bp = Blueprint("main", __name__)  # views need a blueprint, not the app


@bp.get("/")
def index():
    return current_app.config["GREETING"]  # whichever app is handling the request
# --8<-- [end:views]
