"""The shop app as the pages build it for their Try it tabs: a fixed key
instead of FLASK_SECRET_KEY."""

from snippets.deployment.shop import create_app

# --8<-- [start:app]
app = create_app({"SECRET_KEY": "only-for-this-page"})
# --8<-- [end:app]
