"""Rule options beyond the pattern: defaults=, redirect_to=, alias= and more."""

from flask import Flask, url_for

app = Flask(__name__)


# --8<-- [start:defaults]
@app.get("/articles/", defaults={"page": 1})  # the canonical URL of page 1
@app.get("/articles/page/<int:page>")
def articles(page):
    return {
        "page": page,
        # built from the rule with the defaults
        "first": url_for("articles", page=1),
        "next": url_for("articles", page=page + 1),
    }
# --8<-- [end:defaults]


# --8<-- [start:python_default]
# a Python default: both URLs answer 200, nothing is canonical
@app.get("/tags/")
@app.get("/tags/page/<int:page>")
def tags(page=1):
    return {"page": page, "first": url_for("tags", page=1)}
# --8<-- [end:python_default]


# --8<-- [start:redirect_to]
@app.get("/posts/<slug>")
def post(slug):
    return {"post": slug}


# A rule placeholder in the target: the old URL's value, through its converter.
app.add_url_rule(
    "/blog/<slug>", endpoint="old_blog", redirect_to="posts/<slug>"
)


def by_legacy_id(adapter, legacy_id):
    """Called with the MapAdapter and the URL's values; returns the target."""
    slugs = {7: "routing-in-depth"}  # stands in for a lookup in the database
    # relative: kept under a mount prefix
    return f"posts/{slugs.get(legacy_id, 'unknown')}"


app.add_url_rule(
    "/p/<int:legacy_id>", endpoint="legacy_post", redirect_to=by_legacy_id
)
# --8<-- [end:redirect_to]


# --8<-- [start:alias]
@app.get("/about")
@app.get("/about-us", alias=True)  # still answers, by redirecting to /about
def about():
    return {"about": url_for("about")}
# --8<-- [end:alias]


# --8<-- [start:merge_slashes]
@app.get("/reports/monthly")
def monthly():
    return {"report": "monthly"}


# a webhook: no redirect, exact URL only
@app.get("/hooks/github/push", merge_slashes=False)
def github_push():
    return {"hook": "push"}
# --8<-- [end:merge_slashes]
