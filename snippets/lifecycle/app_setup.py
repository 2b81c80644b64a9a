"""The setup phase: everything is registered before the first request, once per
process."""

import click
from flask import Flask, current_app


# --8<-- [start:factory]
def create_app(config=None):
    app = Flask(__name__)
    app.config.from_mapping(PRICES_FILE="prices.json")
    app.config.update(config or {})

    # Once per process: this runs wherever the app is created, before any
    # request.
    with app.app_context():
        load_prices()

    @app.get("/prices")
    def prices():
        return current_app.extensions["prices"]

    # Once per deployment: a command your deploy script runs, not the web
    # workers.
    @app.cli.command("seed-prices")
    def seed_prices():
        click.echo(f"seeded {len(current_app.extensions['prices'])} prices")

    return app


def load_prices():
    # current_app works here only because create_app pushed an app context.
    current_app.extensions["prices"] = {"pen": 150, "ink": 420}
# --8<-- [end:factory]


# --8<-- [start:too-late]
def add_route_after_first_request():
    app = create_app()
    app.test_client().get("/prices")  # the first request ends the setup phase

    # AssertionError: "The setup method 'route' can no longer..."
    @app.route("/late")
    def late(): ...
# --8<-- [end:too-late]


def too_late_error():
    """What add_route_after_first_request() raises, for the page."""
    try:
        add_route_after_first_request()
    except AssertionError as error:
        return f"AssertionError: {error}"
