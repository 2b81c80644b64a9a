"""A small travel journal: the app the example tests in tests_example/ test."""

from flask import Flask, jsonify
from werkzeug.exceptions import HTTPException


# --8<-- [start:factory]
def create_app(test_config=None):
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(
        SECRET_KEY="dev",
        # a relative path: the file lands in instance/
        SQLALCHEMY_DATABASE_URI="sqlite:///journal.db",
        WEATHER_URL="https://weather.example.com/v1/forecast",
    )
    if test_config is None:
        app.config.from_prefixed_env()  # production: FLASK_SECRET_KEY=... etc.
    else:
        # tests: their own database, TESTING=True
        app.config.from_mapping(test_config)

    from . import commands, models, views

    models.db.init_app(app)
    app.register_blueprint(views.bp)
    app.cli.add_command(commands.create_user)
    register_error_handlers(app)
    return app
# --8<-- [end:factory]


# --8<-- [start:errors]
class WeatherUnavailable(Exception):
    """The weather service did not answer."""


def register_error_handlers(app):
    @app.errorhandler(HTTPException)
    def http_error_as_json(error):
        body = {"error": error.name, "detail": error.description}
        return jsonify(body), error.code

    @app.errorhandler(WeatherUnavailable)
    def weather_down(error):
        return jsonify(error="Weather unavailable", detail=str(error)), 503
# --8<-- [end:errors]
