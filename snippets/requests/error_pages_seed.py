# AS THE SEED MATERIAL WROTE IT -- DO NOT COPY. Two bugs, both checked by tests:
# the 404 handler answers 200, and /error404 dies with NameError (abort is not
# imported).
from flask import Flask, render_template

app = Flask(__name__)


@app.get("/")
def home():
    return "start page"


# --8<-- [start:handlers]
@app.errorhandler(404)
def not_found(error):
    return render_template("not_found.html")  # BUG: status 200


@app.errorhandler(500)
def server_error(error):
    return "<h1>Something went wrong</h1>", 500


@app.get("/error404")
def error404():
    abort(404)  # noqa: F821 -- BUG: NameError, so a 500 instead of a 404


@app.get("/error500")
def error500():
    # the same NameError; in debug mode the debugger shows it
    abort(500)  # noqa: F821


# --8<-- [end:handlers]
