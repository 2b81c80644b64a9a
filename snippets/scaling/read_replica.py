"""A read replica as a second engine: writes go to the primary, chosen reads
to the replica."""

from flask import Blueprint, Flask, request
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import Mapped, mapped_column

db = SQLAlchemy()
bp = Blueprint("products", __name__)


class Product(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


# --8<-- [start:binds]
def create_app(primary_url, replica_url):
    app = Flask(__name__)
    # the default engine: writes
    app.config["SQLALCHEMY_DATABASE_URI"] = primary_url
    app.config["SQLALCHEMY_BINDS"] = {"replica": replica_url}
    db.init_app(app)
    app.register_blueprint(bp)
    return app


def replica_scalars(query):
    """Run a SELECT on the replica's engine instead of the primary's."""
    return db.session.scalars(
        query, bind_arguments={"bind": db.engines["replica"]}
    )
# --8<-- [end:binds]


# --8<-- [start:views]
@bp.post("/products")
def add_product():
    db.session.add(Product(name=request.get_json()["name"]))
    db.session.commit()  # primary
    return {"ok": True}, 201


@bp.get("/products")
def list_products():
    query = db.select(Product.name).order_by(Product.id)
    # read-your-writes: ask the primary
    if request.args.get("fresh"):
        return {"products": db.session.scalars(query).all(), "from": "primary"}
    return {"products": replica_scalars(query).all(), "from": "replica"}
# --8<-- [end:views]
