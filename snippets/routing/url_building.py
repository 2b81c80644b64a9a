"""Endpoints, add_url_rule and url_for, inside and outside a request."""

from flask import Flask, url_for
from flask.cli import routes_command


# --8<-- [start:app]
def create_app(server_name=None):
    app = Flask(__name__)
    if server_name:  # needed only to build URLs when no request is active
        app.config.update(SERVER_NAME=server_name, PREFERRED_URL_SCHEME="https")

    @app.get("/users/<username>")
    def profile(username):  # endpoint "profile", taken from the function name
        return f"profile of {username}"

    @app.get("/search", endpoint="find")  # endpoint named explicitly
    def search():
        return "results"

    def help_page():
        return "help"

    # no decorator
    app.add_url_rule("/help", endpoint="help", view_func=help_page)

    @app.get("/")
    def index():
        return {
            "profile": url_for("profile", username="ada lovelace"),
            "search": url_for("find", q="flask", page=2),
            "help": url_for("help", _anchor="converters"),
            "external": url_for("profile", username="ada", _external=True),
            "static": url_for("static", filename="site.css"),
        }

    return app


app = create_app()
# --8<-- [end:app]


# --8<-- [start:outside]
def build_outside_a_request():
    lines = []
    try:
        # no app context at all, as in a bare worker
        url_for("profile", username="ada")
    except RuntimeError as exc:
        first_line = str(exc).splitlines()[0]
        lines.append(f"no app context: RuntimeError: {first_line}")
    for server_name in (None, "example.com"):
        app = create_app(server_name)
        with app.app_context():  # an app context, but no request
            try:
                url = url_for("profile", username="ada")
                lines.append(f"SERVER_NAME={server_name!r}: {url}")
            except RuntimeError as exc:
                lines.append(
                    f"SERVER_NAME={server_name!r}: RuntimeError: {exc}"
                )
    return "\n".join(lines)
# --8<-- [end:outside]


# --8<-- [start:cli]
def flask_routes():
    """What `flask --app ... routes` prints for this app."""
    return app.test_cli_runner().invoke(routes_command).output


def flask_routes_all_methods():
    runner = app.test_cli_runner()
    return runner.invoke(routes_command, ["--all-methods"]).output
# --8<-- [end:cli]
