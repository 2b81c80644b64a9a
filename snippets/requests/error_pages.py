"""Custom error pages that keep the right status code."""

from flask import Flask, abort, render_template

app = Flask(__name__)


@app.get("/")
def home():
    return "start page"


# --8<-- [start:handlers]
@app.errorhandler(404)
def not_found(error):
    return render_template("not_found.html"), 404  # the status is yours to set


@app.errorhandler(500)
def server_error(error):
    return "<h1>Something went wrong</h1>", 500


@app.get("/error404")
def error404():
    abort(404)


@app.get("/error500")
def error500():
    abort(500)


# --8<-- [end:handlers]
