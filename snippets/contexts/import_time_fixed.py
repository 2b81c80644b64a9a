"""The same idea done right: read config when a request runs, set up under
app_context()."""

from flask import Blueprint, Flask, current_app

catalog = Blueprint("catalog", __name__)
setup_log = []


# --8<-- [start:view]
@catalog.get("/products")
def products():
    page_size = current_app.config[
        "PAGE_SIZE"
    ]  # read per request, inside its context
    return {"page_size": page_size}
# --8<-- [end:view]


# --8<-- [start:factory]
def warm_up():
    setup_log.append(f"warm_up saw PAGE_SIZE={current_app.config['PAGE_SIZE']}")


def create_app(page_size=20):
    app = Flask(__name__)
    app.config["PAGE_SIZE"] = page_size
    app.register_blueprint(catalog)
    with app.app_context():  # one-time setup that needs current_app
        warm_up()
    return app
# --8<-- [end:factory]
