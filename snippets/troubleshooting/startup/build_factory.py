"""An app module `flask` cannot search: the app is made by a function it does not know."""

from flask import Flask


# --8<-- [start:factory]
def build():  # flask looks for `app`, `application`, `create_app` or `make_app`
    app = Flask(__name__)
    app.add_url_rule("/", "index", lambda: "home")
    return app
# --8<-- [end:factory]
