"""When Flask creates the Jinja environment, and which settings still count
after that.
"""

from flask import Flask, render_template, render_template_string
from flask_wtf.csrf import CSRFProtect
from jinja2 import StrictUndefined, UndefinedError


# --8<-- [start:too_late]
def options_set_too_late():
    app = Flask(__name__)
    app.secret_key = "dev-only"
    CSRFProtect(app)  # init_app adds csrf_token to app.jinja_env
    app.jinja_options = {
        "undefined": StrictUndefined
    }  # too late: the env exists
    with app.app_context():
        printed = render_template_string("[{{ no_such_name }}]")
    return (
        f"undefined class: {app.jinja_env.undefined.__name__}; "
        f"printed {printed!r}"
    )


# --8<-- [end:too_late]


# --8<-- [start:in_time]
class StrictFlask(Flask):
    jinja_options = {
        **Flask.jinja_options,
        "undefined": StrictUndefined,
        "trim_blocks": True,
        "lstrip_blocks": True,
    }


def create_app():
    app = StrictFlask(__name__)  # the options exist before anything asks
    app.secret_key = "dev-only"
    CSRFProtect(app)
    app.jinja_env.add_extension(
        "jinja2.ext.do"
    )  # extensions: add them any time before use
    app.jinja_env.add_extension("jinja2.ext.loopcontrols")

    @app.get("/basket")
    def basket():
        return render_template(
            "basket.html", items=["pen", "ink", "pad", "nib"]
        )

    return app


# --8<-- [end:in_time]


def options_set_in_time():
    app = create_app()
    with app.app_context():
        try:
            render_template_string("[{{ no_such_name }}]")
        except UndefinedError as exc:
            return (
                f"undefined class: {app.jinja_env.undefined.__name__}; "
                f"UndefinedError: {exc}"
            )


# --8<-- [start:whitespace]
def whitespace_with_and_without_trim():
    source = (
        "<ul>\n  {% for item in items %}\n  <li>{{ item }}</li>\n"
        "  {% endfor %}\n</ul>\n"
    )
    plain, trimmed = Flask(__name__), create_app()
    lines = []
    for label, app in (
        ("default", plain),
        ("trim_blocks + lstrip_blocks", trimmed),
    ):
        with app.app_context():
            lines.append(
                f"{label}: "
                f"{render_template_string(source, items=['pen', 'ink'])!r}"
            )
    return "\n".join(lines)


# --8<-- [end:whitespace]


# --8<-- [start:cache]
def the_template_cache():
    app = create_app()
    client = app.test_client()
    before = len(app.jinja_env.cache)
    client.get("/basket")
    client.get("/basket")
    return (
        f"cache: {type(app.jinja_env.cache).__name__}, "
        f"capacity {app.jinja_env.cache.capacity}; "
        f"entries before {before}, after two renders {len(app.jinja_env.cache)}"
    )


# --8<-- [end:cache]
