"""Requests, JSON and forms: each symptom of docs/troubleshooting/requests-and-responses.md,
reproduced with Flask's test client. The views marked "broken" are the mistakes; each
function below a view returns what the developer sees."""

import dataclasses
import decimal

from flask import Flask, request

app = Flask(__name__)


def last_line(error):
    """'module.Type: message', the last line of a traceback."""
    kind = type(error)
    module = "" if kind.__module__ == "builtins" else f"{kind.__module__}."
    return f"{module}{kind.__qualname__}: {error}"


# --8<-- [start:form_key]
@app.post("/signup")
def signup():  # broken: the form has no field named "email"
    return {"welcome": request.form["email"]}


@app.post("/signup-fixed")
def signup_fixed():
    email = request.form.get("email", "").strip()
    if not email:
        return {"error": "email is required"}, 400
    return {"welcome": email}
# --8<-- [end:form_key]


def form_key_in_debug_mode():
    """With debug on, Flask re-raises the KeyError for the debugger."""
    debug_app = Flask(__name__)
    debug_app.add_url_rule("/signup", view_func=signup, methods=["POST"])
    debug_app.debug = True
    try:
        debug_app.test_client().post("/signup", data={"name": "Ada"})
    except KeyError as error:
        return last_line(error)


# --8<-- [start:json_body]
@app.post("/api/orders")
def create_order():  # broken for form posts: request.json insists on JSON
    order = request.json
    return {"received": order}, 201


@app.post("/api/orders-lenient")
def create_order_lenient():
    order = request.get_json(silent=True)  # None instead of an error
    return {"received": order}, 201
# --8<-- [end:json_body]


def bad_json_in_debug_mode():
    """Malformed JSON: a bare 400 in production, the parser's reason in debug."""
    debug_app = Flask(__name__)
    debug_app.add_url_rule("/api/orders", view_func=create_order,
                           methods=["POST"])
    debug_app.debug = True
    response = debug_app.test_client().post(
        "/api/orders", data='{"sku": "pen",}', content_type="application/json")
    return f"{response.status}\n{response.text.splitlines()[-1]}"


# --8<-- [start:form_limit]
limits = Flask(__name__)  # no MAX_CONTENT_LENGTH, no MAX_FORM_MEMORY_SIZE


@limits.post("/notes")
def save_note():
    return {"length": len(request.form["body"])}
# --8<-- [end:form_limit]


def post_a_long_note(size):
    """A multipart form (as a browser sends it) whose text field holds `size` characters."""
    body = (f'--b\r\nContent-Disposition: form-data; name="body"\r\n\r\n{"x" * size}'
            '\r\n--b--\r\n')
    response = limits.test_client().post(
        "/notes", data=body.encode(), content_type="multipart/form-data; boundary=b")
    return f"body of {size:,} characters: {response.status}"


def long_notes():
    return "\n".join(post_a_long_note(size) for size in (400_000, 600_000))


# --8<-- [start:no_return]
@app.get("/report")
def report():  # broken: the else branch falls off the end
    if request.args.get("format") == "csv":
        return "id,total\n1,9.99\n"
# --8<-- [end:no_return]


# --8<-- [start:bad_type]
@app.get("/stock/<sku>")
def stock(sku):  # broken: an int is not a response
    return 42
# --8<-- [end:bad_type]


def what_the_view_raises(path):
    """The TypeError Flask raises (and logs) for a view's return value."""
    strict = Flask(__name__)
    strict.add_url_rule("/report", view_func=report)
    strict.add_url_rule("/stock/<sku>", view_func=stock)
    strict.testing = True  # exceptions propagate to the caller
    try:
        strict.test_client().get(path)
    except TypeError as error:
        return last_line(error)


def view_returned_none():
    return what_the_view_raises("/report")


def view_returned_an_int():
    return what_the_view_raises("/stock/pen")


@dataclasses.dataclass
class Line:
    sku: str
    price: decimal.Decimal


# --8<-- [start:not_serializable]
@app.get("/cart")
def cart():  # broken: JSON has no sets
    line = Line("pen", decimal.Decimal("2.50"))  # these two Flask handles
    return {"tags": {"gift", "sale"}, "line": line}


@app.get("/cart-fixed")
def cart_fixed():
    line = Line("pen", decimal.Decimal("2.50"))
    return {"tags": sorted({"gift", "sale"}), "line": line}
# --8<-- [end:not_serializable]


def set_is_not_serializable():
    strict = Flask(__name__)
    strict.add_url_rule("/cart", view_func=cart)
    strict.testing = True
    try:
        strict.test_client().get("/cart")
    except TypeError as error:
        return last_line(error)


# --8<-- [start:files]
@app.post("/avatar")
def avatar():  # the form that posts here forgot its enctype
    shown = f"files: {request.files!r}\nform: {request.form!r}"
    return shown, {"Content-Type": "text/plain; charset=utf-8"}
# --8<-- [end:files]
