"""An app with one HTML page and an API whose versions are nested blueprints."""

# --8<-- [start:factory]
from flask import Flask

from .api import api


def create_app():
    app = Flask(__name__)
    app.register_blueprint(api)

    @app.get("/")
    def home():
        return "<h1>Home</h1>"

    return app


# --8<-- [end:factory]
