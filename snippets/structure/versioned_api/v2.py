"""Version 2 of the API: a new representation of the same data."""

# --8<-- [start:v2]
from flask import Blueprint, abort, url_for

from . import store

bp = Blueprint("v2", __name__)


@bp.get("/users/<int:user_id>")
def get_user(user_id):
    first, last = store.get_user(user_id) or abort(404)
    return {
        "id": user_id,
        "first_name": first,
        "last_name": last,
        # "." = this blueprint: api.v2
        "self": url_for(".get_user", user_id=user_id),
    }


# --8<-- [end:v2]
