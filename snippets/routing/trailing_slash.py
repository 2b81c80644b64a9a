"""Trailing slashes: a folder-like rule redirects, a file-like rule does not."""

from flask import Flask

app = Flask(__name__)


# --8<-- [start:rules]
# folder-like: slash in the rule
@app.route("/projects/", methods=["GET", "POST"])
def projects():
    return "the projects collection"


@app.get("/about")  # file-like: no slash in the rule
def about():
    return "about this site"
# --8<-- [end:rules]


# --8<-- [start:lenient]
@app.get("/feed", strict_slashes=False)
def feed():
    return "the feed, with or without a slash"
# --8<-- [end:lenient]
