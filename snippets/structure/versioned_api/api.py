"""The parent blueprint: /api, JSON errors and a header for every version nested
in it.
"""

# --8<-- [start:api]
from flask import Blueprint, request
from werkzeug.exceptions import HTTPException

from . import v1, v2

api = Blueprint("api", __name__, url_prefix="/api")
api.register_blueprint(v1.bp, url_prefix="/v1")  # endpoints: api.v1.get_user
api.register_blueprint(v2.bp, url_prefix="/v2")  # endpoints: api.v2.get_user


@api.after_request  # runs for the views of api, api.v1 and api.v2
def version_header(response):
    response.headers["API-Version"] = request.blueprint.rpartition(".")[2]
    return response


@api.errorhandler(HTTPException)  # errors raised in api, api.v1 or api.v2 views
def json_error(error):
    return {"error": error.name, "status": error.code}, error.code


# every 404 of the app, also URLs that matched no rule
@api.app_errorhandler(404)
def not_found(error):
    if request.path.startswith(api.url_prefix + "/"):
        return json_error(error)
    return error  # anything else: Flask's default HTML page


# --8<-- [end:api]
