"""The catalog feature: a blueprint with its own templates. It never imports the
app.
"""

# --8<-- [start:views]
import click
from flask import Blueprint, current_app, render_template

from ..extensions import db
from ..models import Product

bp = Blueprint("catalog", __name__, template_folder="templates")


@bp.get("/")
def index():
    # the app that is handling this request
    limit = current_app.config["PRODUCTS_PER_PAGE"]
    products = db.session.scalars(
        db.select(Product).order_by(Product.name).limit(limit)
    )
    return render_template(
        "catalog/index.html",
        products=products.all(),
        shop_name=current_app.config["SHOP_NAME"],
    )


# a blueprint's commands form a group: flask catalog seed
@bp.cli.command("seed")
def seed():
    """Add two demo products."""
    db.session.add_all([Product(name="Teapot"), Product(name="Kettle")])
    db.session.commit()
    click.echo(
        f"{db.session.scalar(db.select(db.func.count(Product.id)))} products"
    )


# --8<-- [end:views]
