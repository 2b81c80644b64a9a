"""render_template, render_template_string, and where Flask finds templates."""

from flask import Flask, render_template, render_template_string
from jinja2 import StrictUndefined

# --8<-- [start:app]
app = Flask(
    __name__
)  # templates are looked up in ./templates, next to this file
# --8<-- [end:app]

ORDERS = {
    "ada": [{"item": "notebook", "qty": 3}, {"item": "pen", "qty": 1}],
    "bob": [],
}


# --8<-- [start:render]
@app.get("/orders/<customer>")
def orders(customer):
    return render_template(
        "orders.html", customer=customer, orders=ORDERS.get(customer, [])
    )


# --8<-- [end:render]


# --8<-- [start:string]
@app.get("/hello/<name>")
def hello(name):
    return render_template_string("<p>Hello, {{ name }}!</p>", name=name)


# --8<-- [end:string]


# --8<-- [start:fallback]
@app.get("/reports/<kind>")
def report(kind):
    # A list means "the first of these that exists".
    return render_template(
        [f"reports/{kind}.html", "reports/default.html"], kind=kind
    )


# --8<-- [end:fallback]


# --8<-- [start:returns]
def what_render_template_returns():
    lines = []
    try:
        render_template_string("{{ 1 + 1 }}")
    except RuntimeError as error:
        lines.append(f"no context: RuntimeError: {str(error).splitlines()[0]}")
    with app.app_context():  # no request needed, e.g. to render an email body
        html = render_template_string("{{ 1 + 1 }}")
    lines.append(f"in an app context: {type(html).__name__} {html!r}")
    return "\n".join(lines)


# --8<-- [end:returns]


# --8<-- [start:undefined]
def undefined_is_silent():
    source = "Hello, {{ custmer }}!"  # typo: the view passes `customer`
    with app.app_context():
        lenient = render_template_string(source, customer="ada")
    strict_app = Flask(__name__)
    strict_app.jinja_options = {
        "undefined": StrictUndefined
    }  # before jinja_env is first used
    with strict_app.app_context():
        try:
            strict = render_template_string(source, customer="ada")
        except Exception as error:
            strict = f"{type(error).__name__}: {error}"
    return f"default:   {lenient!r}\nstrict:    {strict}"


# --8<-- [end:undefined]
