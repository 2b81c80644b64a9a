"""Version 1 of the API: one blueprint, frozen, announced as deprecated."""

# --8<-- [start:v1]
from flask import Blueprint, abort

from . import store

bp = Blueprint("v1", __name__)


@bp.get("/users/<int:user_id>")
def get_user(user_id):
    user = store.get_user(user_id) or abort(404)
    return {"id": user_id, "name": " ".join(user)}


@bp.after_request  # only v1 responses carry it
def announce_deprecation(response):
    # RFC 9745: since 2026-01-01
    response.headers["Deprecation"] = "@1767225600"
    response.headers["Link"] = '</api/v2/users>; rel="successor-version"'
    return response


# --8<-- [end:v1]
