"""Templates and contexts: each symptom of docs/troubleshooting/templates-and-contexts.md,
reproduced. Apps whose symptom depends on folders build those folders in a temporary
directory, from the layouts below, so every run starts from the same files."""

import contextlib
import logging
import tempfile
import threading
from pathlib import Path

from flask import (Blueprint, Flask, current_app, g, render_template,
                   render_template_string, request)
from flask.logging import default_handler
from markupsafe import Markup


def last_line(error):
    """'module.Type: message', the last line of a traceback."""
    kind = type(error)
    module = "" if kind.__module__ == "builtins" else f"{kind.__module__}."
    return f"{module}{kind.__qualname__}: {error}"


@contextlib.contextmanager
def project(files):
    """A temporary project folder holding `files` ({relative path: text})."""
    with tempfile.TemporaryDirectory() as root:
        for name, text in files.items():
            (Path(root) / name).parent.mkdir(parents=True, exist_ok=True)
            (Path(root) / name).write_text(text)
        yield root


# --8<-- [start:folder_layout]
MISNAMED = {  # the folder is "template"; Flask looks in "templates"
    "shop/app.py": "app = Flask(__name__)",
    "shop/template/index.html": "<h1>Corner Shop</h1>",
}
# --8<-- [end:folder_layout]


def template_not_found():
    """Render index.html from a project whose folder is misnamed, with
    EXPLAIN_TEMPLATE_LOADING on: the error, then what Flask logged."""
    with project(MISNAMED) as root:
        app = Flask("shop", root_path=f"{root}/shop")
        app.config["EXPLAIN_TEMPLATE_LOADING"] = True
        logged = []
        handler = logging.Handler()
        handler.emit = lambda record: logged.append(record.getMessage())
        app.logger.addHandler(handler)
        app.logger.setLevel(logging.INFO)
        app.logger.removeHandler(default_handler)  # keep it off stderr
        with app.test_request_context("/"):
            try:
                render_template("index.html")
            except Exception as error:  # jinja2.exceptions.TemplateNotFound
                shown = [last_line(error), "", *logged[0].splitlines()]
        return "\n".join(shown).replace(root, "/srv")


# --8<-- [start:blueprint_layout]
SHADOWED = {
    "shop/templates/index.html": "<h1>Shop home</h1>",
    "shop/admin/templates/index.html": "<h1>Admin dashboard</h1>",
    "shop/admin/templates/admin/index.html": "<h1>Admin dashboard</h1>",
}
# --8<-- [end:blueprint_layout]


def shop_with_admin(root, template):
    # --8<-- [start:blueprint]
    admin = Blueprint("admin", __name__, template_folder="templates",
                      root_path=f"{root}/shop/admin")

    @admin.get("/admin/")
    def dashboard():
        return render_template(template)  # "index.html": broken
    # --8<-- [end:blueprint]
    app = Flask("shop", root_path=f"{root}/shop")
    app.register_blueprint(admin)
    return app


def what_admin_renders():
    with project(SHADOWED) as root:
        lines = []
        for template in ("index.html", "admin/index.html"):
            page = shop_with_admin(root, template).test_client().get("/admin/")
            lines.append(f"render_template({template!r:18}) -> {page.text}")
        return "\n".join(lines)


app = Flask(__name__)


# --8<-- [start:undefined]
@app.get("/profile")
def profile():
    # broken: the view passes "account", the template reads "user"
    return render_template_string(
        "<p>{{ user.name }}</p>", account={"name": "Ada"})


@app.get("/greeting")
def greeting():
    # a typo on a defined variable fails silently: an empty string
    return render_template_string(
        "<p>Hello, {{ account.nmae }}!</p>", account={"name": "Ada"})
# --8<-- [end:undefined]


def undefined_error():
    strict = Flask(__name__)
    strict.add_url_rule("/profile", view_func=profile)
    strict.testing = True
    try:
        strict.test_client().get("/profile")
    except Exception as error:  # jinja2.exceptions.UndefinedError
        return last_line(error)


# --8<-- [start:escaped]
BIO = "<b>Ada</b> writes compilers"  # HTML your own code produced


@app.get("/bio")
def bio():  # shows the tags as text
    return render_template_string("<p>{{ bio }}</p>", bio=BIO)


@app.get("/bio-trusted")
def bio_trusted():  # Markup says: this string is already HTML
    return render_template_string("<p>{{ bio }}</p>", bio=Markup(BIO))
# --8<-- [end:escaped]


# --8<-- [start:syntax]
CART = """<ul>
{% for item in items %}
  {% if item.qty %}<li>{{ item.name }}</li>
{% endfor %}
</ul>"""  # broken: the if is never closed
# --8<-- [end:syntax]


def syntax_error():
    with app.app_context():
        try:
            render_template_string(CART, items=[])
        except Exception as error:  # jinja2.exceptions.TemplateSyntaxError
            return last_line(error)


# --8<-- [start:script]
def create_tables():  # called from a script, not from a request
    url = current_app.config["DATABASE_URL"]
    return f"creating tables in {url}"
# --8<-- [end:script]


def outside_app_context():
    try:
        create_tables()
    except RuntimeError as error:
        return last_line(error)


def inside_app_context():
    # --8<-- [start:script_fix]
    shop = Flask(__name__)
    shop.config["DATABASE_URL"] = "sqlite:///shop.db"
    with shop.app_context():
        return create_tables()
    # --8<-- [end:script_fix]


# --8<-- [start:thread]
@app.post("/orders/<int:order_id>")
def place_order(order_id):
    def send_receipt():  # broken: runs in a thread with no request
        results.append(f"receipt for {request.args['email']}")

    worker = threading.Thread(target=send_receipt)
    worker.start()
    worker.join()
    return {"order": order_id}, 202
# --8<-- [end:thread]


results = []


def outside_request_context():
    """What the thread raised: threading.excepthook receives it."""
    raised = []
    previous = threading.excepthook
    threading.excepthook = lambda hook: raised.append(hook.exc_value)
    try:
        app.test_client().post("/orders/7?email=ada@example.com")
    finally:
        threading.excepthook = previous
    return last_line(raised[0])


# --8<-- [start:thread_fix]
@app.post("/orders-fixed/<int:order_id>")
def place_order_fixed(order_id):
    email = request.args["email"]  # read it here, pass the value

    def send_receipt(to):
        results.append(f"receipt for {to}")

    worker = threading.Thread(target=send_receipt, args=(email,))
    worker.start()
    worker.join()
    return {"order": order_id}, 202
# --8<-- [end:thread_fix]


# --8<-- [start:g]
@app.post("/login")
def login():
    g.user = "ada"  # broken: g lives for this request only
    return "logged in"


@app.get("/account")
def account():
    return f"signed in as {g.user}"
# --8<-- [end:g]


def g_is_empty_next_request():
    strict = Flask(__name__)
    strict.add_url_rule("/login", view_func=login, methods=["POST"])
    strict.add_url_rule("/account", view_func=account)
    strict.testing = True
    client = strict.test_client()
    client.post("/login")
    try:
        client.get("/account")
    except AttributeError as error:
        return last_line(error)
