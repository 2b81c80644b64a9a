"""Server-side template injection: how {{ }} reaches os, and a sandbox for
templates users write.
"""

from flask import Flask, render_template_string, request
from jinja2 import TemplateSyntaxError
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

app = Flask(__name__)
app.config["SECRET_KEY"] = "not-for-production"


# --8<-- [start:vulnerable]
@app.get("/hello")
def hello():
    name = request.args.get("name", "guest")
    return render_template_string(
        "<p>Hello " + name + "</p>"
    )  # the bug: source from input


# --8<-- [end:vulnerable]


# --8<-- [start:walk]
HOPS = [
    "cycler",
    "cycler.__init__",
    "cycler.__init__.__globals__",
    "cycler.__init__.__globals__.os",
    "cycler.__init__.__globals__.os.popen",
]


def the_walk():
    """Each step of the classic payload, and what Jinja says it is."""
    lines = []
    with app.app_context():
        for hop in HOPS:
            kind = render_template_string(
                "{{ (" + hop + ").__class__.__name__ }}"
            )
            lines.append(f"{{{{ {hop} }}}}".ljust(44) + f" a {kind}")
    return "\n".join(lines)


# --8<-- [end:walk]


# --8<-- [start:sandbox]
sandbox = ImmutableSandboxedEnvironment(autoescape=True)


@app.post("/preview")
def preview():
    """Render an email template an admin wrote, with plain data only."""
    try:
        template = sandbox.from_string(request.form["template"])
        return template.render(customer={"name": "Ada"}, total="12.50")
    except (SecurityError, TemplateSyntaxError) as exc:
        return {"error": f"{type(exc).__name__}: {exc}"}, 400


# --8<-- [end:sandbox]


# --8<-- [start:limits]
def what_the_sandbox_does_not_stop():
    lines = []
    leak = sandbox.from_string("{{ config.SECRET_KEY }}").render(
        config=app.config
    )
    lines.append(f"an object you pass in: config.SECRET_KEY -> {leak}")
    try:
        sandbox.from_string("{{ range(10**6)|length }}").render()
    except OverflowError as exc:
        lines.append(
            f"range() is capped: OverflowError: {str(exc).split('.')[0]}"
        )
    lines.append(
        "operators it intercepts by default: "
        f"{set(sandbox.intercepted_binops) or 'none'}"
    )
    return "\n".join(lines)


# --8<-- [end:limits]
