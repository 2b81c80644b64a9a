# --8<-- [start:views]
from .app import app  # app.py is half-run: no `app` in it yet


def index():
    return app.config["GREETING"]


# --8<-- [end:views]
