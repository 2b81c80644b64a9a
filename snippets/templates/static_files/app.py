"""Static files: url_for('static', ...), caching headers, and cache busting."""

import hashlib
import os
from functools import lru_cache

from flask import Flask, render_template
from werkzeug.security import safe_join

# --8<-- [start:default]
plain = Flask(
    __name__
)  # serves ./static at /static/<path:filename>, endpoint "static"
# --8<-- [end:default]

app = Flask(__name__)


# --8<-- [start:busting]
# A year: safe, because the URL changes whenever the file's content does.
app.config["SEND_FILE_MAX_AGE_DEFAULT"] = 365 * 24 * 3600


@lru_cache(maxsize=256)
def _content_hash(
    path, mtime_ns
):  # mtime in the key: an edited file is hashed again
    with open(path, "rb") as file:
        return hashlib.sha256(file.read()).hexdigest()[:10]


@app.url_defaults
def add_static_version(endpoint, values):
    if endpoint == "static" and "filename" in values:
        path = safe_join(app.static_folder, values["filename"])
        if path and os.path.isfile(path):
            values["v"] = _content_hash(path, os.stat(path).st_mtime_ns)


# --8<-- [end:busting]


# --8<-- [start:view]
@app.get("/")
def home():
    return render_template("home.html")


# --8<-- [end:view]
