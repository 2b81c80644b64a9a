# --8<-- [start:factory]
from flask import Flask

from .views import bp  # views.py imports nothing from here: no cycle


def create_app():
    app = Flask(__name__)
    app.config["GREETING"] = "Hello"
    app.register_blueprint(bp)
    return app


# --8<-- [end:factory]
