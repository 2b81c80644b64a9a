"""One endpoint, two representations: HTML for browsers, JSON for API clients.
"""

from flask import Flask, abort, make_response, render_template_string, request

app = Flask(__name__)

ORDERS = {1: {"id": 1, "item": "pen", "status": "shipped"}}
ORDER_PAGE = (
    "<h1>Order {{ order.id }}</h1><p>{{ order.item }}: {{ order.status }}</p>"
)


# --8<-- [start:negotiate]
OFFERED = [
    "application/json",
    "text/html",
]  # on a tie in quality, the first one wins


@app.get("/orders/<int:order_id>")
def order(order_id):
    found = ORDERS.get(order_id) or abort(404)
    if request.accept_mimetypes:  # the client said what it takes
        chosen = request.accept_mimetypes.best_match(OFFERED)
    else:  # no Accept header means "anything" (RFC 9110)
        # and best_match would say None, so pick the first offer
        chosen = OFFERED[0]
    if chosen is None:  # the client listed types, and we offer none of them
        abort(406)
    if chosen == "text/html":
        response = make_response(
            render_template_string(ORDER_PAGE, order=found)
        )
    else:
        response = make_response(found)
    response.vary.add(
        "Accept"
    )  # the body depends on a request header: tell the caches
    return response


# --8<-- [end:negotiate]


# --8<-- [start:naive]
@app.get("/naive/orders/<int:order_id>")
def naive_order(order_id):
    found = ORDERS.get(order_id) or abort(404)
    if (
        request.accept_mimetypes.accept_json
    ):  # True for */* and even for json;q=0
        return found
    return render_template_string(ORDER_PAGE, order=found)


# --8<-- [end:naive]


# --8<-- [start:inspect]
def best_matches():
    """What best_match picks from OFFERED for the Accept headers clients send.
    """
    headers = {
        "(none)": None,
        "*/*": "*/*",
        "a browser": "text/html,application/xhtml+xml,"
        "application/xml;q=0.9,*/*;q=0.8",
        "text/*": "text/*",
        "image/png": "image/png",
        "application/json;q=0": "application/json;q=0",
    }
    lines = []
    for label, accept in headers.items():
        with app.test_request_context(
            headers={"Accept": accept} if accept else {}
        ):
            accepted = request.accept_mimetypes
            lines.append(
                f"{label:22} best_match={accepted.best_match(OFFERED)!s:18}"
                f" accept_json={accepted.accept_json}"
            )
    return "\n".join(lines)


# --8<-- [end:inspect]
