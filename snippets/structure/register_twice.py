"""One blueprint registered twice: a second URL prefix needs a second name
(Flask 2.1+).
"""

from flask import Blueprint, Flask, request, url_for

# --8<-- [start:twice]
shop = Blueprint("shop", __name__)


@shop.get("/")
def index():
    return {
        "registered_as": request.blueprint,
        "self": url_for(".index"),
        "first_item": url_for(".item", slug="teapot"),
    }


@shop.get("/<slug>")
def item(slug):
    return {"slug": slug, "endpoint": request.endpoint}


app = Flask(__name__)
app.register_blueprint(shop, url_prefix="/shop")
# same views, own name
app.register_blueprint(shop, url_prefix="/outlet", name="outlet")
# --8<-- [end:twice]


# --8<-- [start:without-name]
def register_twice_without_name():
    other = Flask(__name__)
    other.register_blueprint(shop, url_prefix="/shop")
    try:
        other.register_blueprint(shop, url_prefix="/outlet")  # no name=
    except ValueError as error:
        return f"ValueError: {error}"


# --8<-- [end:without-name]
