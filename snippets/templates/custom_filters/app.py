"""Built-in filters, and custom filters, tests and globals registered on the
app.
"""

from datetime import datetime

from flask import Flask, render_template, render_template_string

app = Flask(__name__)

EVENTS = [
    {
        "title": "flask meetup",
        "starts": datetime(2026, 3, 14, 18, 30),
        "tags": ["python", "web"],
    },
    {
        "title": "jinja workshop",
        "starts": datetime(2026, 3, 11, 9, 0),
        "tags": [],
    },
]


# --8<-- [start:register]
@app.template_filter("datetimeformat")
def datetimeformat(value, fmt="%a %d %b %Y, %H:%M"):
    return value.strftime(fmt)


@app.template_test("weekend")
def is_weekend(value):
    return value.weekday() >= 5


@app.template_global()
def support_email():
    return "events@example.com"


# --8<-- [end:register]


# --8<-- [start:view]
@app.get("/events")
def events():
    return render_template("events.html", events=EVENTS)


# --8<-- [end:view]


# --8<-- [start:seed]
def seed_template_without_the_filter():
    bare = Flask(__name__)  # nothing registered
    with bare.app_context():
        try:
            render_template_string(
                "{{ date|datetimeformat }}", date=datetime(2026, 3, 14)
            )
        except Exception as error:
            return f"{type(error).__module__}.{type(error).__name__}: {error}"


# --8<-- [end:seed]


# --8<-- [start:no_parentheses]
def decorator_without_parentheses():
    demo = Flask(__name__)

    # missing (): Flask 3.1 takes the function as the name
    @demo.template_filter
    def shout(value):
        """Meant to upper-case `value`; never registered, never called."""

    return (
        f"registered: {'shout' in demo.jinja_env.filters}; "
        f"shout is now {shout.__qualname__}"
    )


# --8<-- [end:no_parentheses]
