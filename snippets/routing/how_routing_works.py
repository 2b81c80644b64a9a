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
    name = view.__name__
    return f"endpoint={endpoint!r} arguments={arguments!r} view={name}()"
# --8<-- [end:inspect]


# --8<-- [start:ties]
tickets = Flask(__name__)


@tickets.get("/tickets/open")  # static segment: tried before any variable
def open_tickets():
    return "the open tickets"


@tickets.get("/tickets/<ticket_ref>")  # string, weight 100, declared first
def ticket_by_ref(ticket_ref):
    return f"ticket_by_ref({ticket_ref!r})"


# uuid, weight 100 too: a tie, and it loses
@tickets.get("/tickets/<uuid:ticket_id>")
def ticket_by_id(ticket_id):
    return f"ticket_by_id({ticket_id!r})"


# int, weight 50: beats both, though declared last
@tickets.get("/tickets/<int:number>")
def ticket_by_number(number):
    return f"ticket_by_number({number!r})"
# --8<-- [end:ties]
