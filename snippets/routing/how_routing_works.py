"""What @app.route really does: it adds a werkzeug Rule to app.url_map."""

from flask import Flask

app = Flask(__name__)


# --8<-- [start:routes]
@app.route("/")
def index():
    return "home"


@app.route("/users/<int:user_id>")
def show_user(user_id):
    return f"user {user_id}"
# --8<-- [end:routes]


# --8<-- [start:inspect]
def url_map_contents():
    """Each Rule in the app's Map: the pattern, its endpoint and its methods."""
    return "\n".join(
        f"{rule.rule:<24} {rule.endpoint:<10} {', '.join(sorted(rule.methods))}"
        for rule in app.url_map.iter_rules()
    )


def match_a_path():
    """Routing without a request: bind the Map to a host, then match a path."""
    adapter = app.url_map.bind("localhost")
    endpoint, arguments = adapter.match("/users/42", method="GET")
    view = app.view_functions[endpoint]
    return f"endpoint={endpoint!r} arguments={arguments!r} view={view.__name__}()"
# --8<-- [end:inspect]
