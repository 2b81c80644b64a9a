"""What Flask puts into every template, and context processors that add more."""

from flask import (
    Flask,
    flash,
    g,
    has_request_context,
    render_template,
    render_template_string,
    request,
    session,
    template_rendered,
)
from jinja2.defaults import DEFAULT_NAMESPACE

app = Flask(__name__)
app.config.update(
    SECRET_KEY="dev-only-not-a-secret", SUPPORT_EMAIL="help@example.com"
)


@app.before_request
def load_user():
    g.user = request.args.get("user", "guest")


# --8<-- [start:processor]
@app.context_processor
def inject_site():
    # Also runs for renders outside a request (emails, CLI): guard request-bound
    # data.
    cart = session.get("cart", []) if has_request_context() else []
    return {"site_name": "Field Shop", "cart_size": len(cart)}


# --8<-- [end:processor]


# --8<-- [start:view]
@app.get("/whoami")
def whoami():
    session["cart"] = ["pen", "lamp"]
    flash("Welcome back!")
    return render_template("whoami.html")


@app.get("/override")
def override():
    # Keyword arguments beat context processors with the same name.
    return render_template_string(
        "<p>{{ site_name }}</p>", site_name="Passed by the view"
    )


# --8<-- [end:view]


# --8<-- [start:macro_context]
@app.get("/footer")
def footer():
    return render_template("footer_demo.html")


# --8<-- [end:macro_context]


# --8<-- [start:ssti]
@app.get("/greet")
def greet():
    # NEVER do this: the user's text becomes template source.
    return render_template_string(
        "<p>Hello " + request.args.get("name", "") + "</p>"
    )


# --8<-- [end:ssti]


# --8<-- [start:render_context]
def what_reaches_jinja():
    """The dict render_template hands to Jinja, as a template_rendered receiver
    sees it.
    """
    seen = []

    def record(sender, template, context, **extra):
        seen.append(sorted(context))

    with (
        template_rendered.connected_to(record, app),
        app.test_request_context("/"),
    ):
        render_template_string(
            "{{ config.SUPPORT_EMAIL }} {{ url_for('whoami') }}", title="Hi"
        )
    flask_globals = sorted(set(app.jinja_env.globals) - set(DEFAULT_NAMESPACE))
    return (
        f"render context:      {seen[0]}\nenvironment globals: {flask_globals}"
    )


# --8<-- [end:render_context]
