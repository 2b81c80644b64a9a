"""HTTP methods: methods=[...], the 2.0 shortcuts, and what Flask adds."""

from flask import Flask, request

app = Flask(__name__)


# --8<-- [start:post_only]
@app.route("/submit", methods=["POST"])
def submit():
    return {"received": request.get_json()}, 201
# --8<-- [end:post_only]


# --8<-- [start:shortcuts]
@app.get("/articles")
def list_articles():
    return {"articles": ["routing", "methods"]}


@app.post("/articles")
def create_article():
    return {"created": request.get_json()["title"]}, 201
# --8<-- [end:shortcuts]


# --8<-- [start:get_vs_post]
@app.route("/subscribe", methods=["GET", "POST"])
def subscribe():
    if request.method == "POST":
        return f"subscribed {request.form['email']}", 201
    return (
        '<form method="post"><input name="email">'
        "<button>Subscribe</button></form>"
    )
# --8<-- [end:get_vs_post]


# --8<-- [start:head]
@app.get("/ping")
def ping():
    return f"pong via {request.method}"
# --8<-- [end:head]


# --8<-- [start:shortcut_misuse]
def shortcut_with_methods():
    """The shortcuts fix the method; passing methods= as well is refused."""
    scratch = Flask(__name__)
    try:
        scratch.get("/both", methods=["GET", "POST"])
    except TypeError as exc:
        return f"TypeError: {exc}"
# --8<-- [end:shortcut_misuse]
