"""A view decorator done right (functools.wraps) and two ways it goes wrong."""

import functools

from flask import Flask, request
from flask.views import MethodView

API_TOKEN = "s3cret"
app = Flask(__name__)


# --8<-- [start:decorator]
def require_token(view):
    # copies __name__, __doc__, __wrapped__ ... onto wrapper
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        if request.headers.get("X-Token") != API_TOKEN:
            return {"error": "missing or wrong X-Token"}, 401
        return view(*args, **kwargs)

    return wrapper
# --8<-- [end:decorator]


# --8<-- [start:use]
@app.get("/reports")  # the route decorator goes on top ...
@require_token  # ... so the route registers the protected function
def reports():
    return {"reports": ["q1", "q2"]}


@app.get("/invoices/<int:invoice_id>")
@require_token
def invoice(invoice_id):
    return {"invoice": invoice_id}
# --8<-- [end:use]


# --8<-- [start:wrong_order]
@require_token  # applied AFTER the route already registered the bare function
@app.get("/payroll")
def payroll():
    return {"payroll": "everyone's salary"}
# --8<-- [end:wrong_order]


# --8<-- [start:class_view]
class AuditLog(MethodView):
    # applied to the function that as_view() returns
    decorators = [require_token]

    def get(self):
        return {"audit": ["login", "logout"]}


app.add_url_rule("/audit", view_func=AuditLog.as_view("audit"))
# --8<-- [end:class_view]


# --8<-- [start:without_wraps]
def forgetful(view):  # a pass-through decorator without functools.wraps
    def wrapper(*args, **kwargs):
        return view(*args, **kwargs)

    return wrapper


def register_two_views_without_wraps():
    broken = Flask(__name__)
    try:

        @broken.get("/sales")
        @forgetful
        def sales():
            """Registered under the endpoint name "wrapper"."""

        @broken.get("/staff")
        @forgetful
        def staff():
            """Also "wrapper": Flask won't map one name to two functions."""

    except AssertionError as exc:
        return f"AssertionError: {exc}"
# --8<-- [end:without_wraps]
