"""A before_request function that returns a value ends the request early."""

from flask import Flask, g, request

app = Flask(__name__)


# --8<-- [start:hooks]
@app.before_request
def start_trace():
    g.ran = ["start_trace"]


@app.before_request
def require_api_key():
    g.ran.append("require_api_key")
    if request.headers.get("X-API-Key") != "demo-key":
        return {"error": "missing or wrong API key"}, 401  # not None: stop here


@app.before_request
def load_account():
    g.ran.append("load_account")


@app.get("/orders")
def orders():
    g.ran.append("view")
    return {"orders": []}


@app.after_request
def report(response):
    g.ran.append("report")
    response.headers["X-Ran"] = ", ".join(g.ran)
    return response
# --8<-- [end:hooks]
