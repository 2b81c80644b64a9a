"""Which hooks run for which request: app hooks, blueprint hooks, app-wide
blueprint hooks."""

from flask import Blueprint, Flask, abort, g, url_for

app = Flask(__name__)
docs = Blueprint("docs", __name__, url_prefix="/<lang>/docs")


# --8<-- [start:app-hooks]
@app.before_request
def start_trace():
    g.ran = ["app.before_request"]


@app.after_request
def show_trace(response):
    response.headers["X-Hooks"] = ", ".join(g.ran)
    return response
# --8<-- [end:app-hooks]


# --8<-- [start:blueprint-hooks]
@docs.before_app_request  # registered by the blueprint, runs for every request
def audit():
    g.ran.append("docs.before_app_request")


@docs.before_request  # runs only when a docs view handles the request
def docs_only():
    g.ran.append("docs.before_request")


# pull <lang> out of the URL values once, for every view
@docs.url_value_preprocessor
def pull_lang(endpoint, values):
    g.lang = values.pop("lang")


@docs.url_defaults  # ...and put it back when url_for builds a docs URL
def add_lang(endpoint, values):
    values.setdefault("lang", g.lang)


@docs.get("/")
def contents():  # no lang parameter: the preprocessor consumed it
    return {"lang": g.lang, "intro": url_for("docs.intro")}


@docs.get("/intro")
def intro():
    return {"lang": g.lang}


@docs.get("/old")
def old():
    abort(404)


# only for 404s raised while a docs view handles the request
@docs.errorhandler(404)
def docs_not_found(error):
    return {"error": "this page left the docs"}, 404
# --8<-- [end:blueprint-hooks]


@app.get("/")
def home():
    return {"page": "home"}


app.register_blueprint(docs)
