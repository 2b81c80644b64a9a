"""A view hands work to a thread pool: what breaks, and the two fixes."""

from concurrent.futures import ThreadPoolExecutor

from flask import Flask, copy_current_request_context, current_app, request

app = Flask(__name__)
app.config["SHOP_NAME"] = "Corner Shop"
pool = ThreadPoolExecutor(max_workers=2)


# --8<-- [start:broken]
def receipt(order_id):
    return f"{current_app.config['SHOP_NAME']}: receipt for order {order_id}"


def user_agent():
    return request.headers.get("User-Agent")


@app.post("/broken/<int:order_id>")
def broken(order_id):
    # The pool's thread has its own, empty context: current_app is unbound
    # there.
    return pool.submit(receipt, order_id).result()


@app.post("/broken/<int:order_id>/audit")
def broken_audit(order_id):
    return pool.submit(user_agent).result()  # and so is request
# --8<-- [end:broken]


# --8<-- [start:pass-the-app]
def receipt_in_context(real_app, order_id):
    with real_app.app_context():  # push one in the worker thread
        return receipt(order_id)


@app.post("/orders/<int:order_id>")
def place_order(order_id):
    # the Flask object, not the proxy
    real_app = current_app._get_current_object()
    return pool.submit(receipt_in_context, real_app, order_id).result()
# --8<-- [end:pass-the-app]


# --8<-- [start:copy-request]
@app.post("/orders/<int:order_id>/audit")
def audit_order(order_id):
    @copy_current_request_context
    def audit_line():
        return (
            f"order {order_id} placed from {request.headers.get('User-Agent')}"
        )

    return pool.submit(
        audit_line
    ).result()  # waited for before the request ends
# --8<-- [end:copy-request]


def what_the_broken_views_raise():
    lines = []
    for view in (broken, broken_audit):
        with app.test_request_context("/broken/7", method="POST"):
            try:
                view(7)
            except RuntimeError as exc:
                first_line = str(exc).splitlines()[0]
                lines.append(f"{view.__name__:13} RuntimeError: {first_line}")
    return "\n".join(lines)
