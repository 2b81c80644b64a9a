"""A JSON API whose every error, 400 to 500, has one shape: RFC 9457 problem
details.
"""

from flask import Flask, abort, current_app, json, request
from werkzeug.exceptions import HTTPException


# --8<-- [start:validate]
class ValidationFailed(Exception):
    """Well-formed JSON whose fields are wrong.

    The client must change the data, not the syntax.
    """

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors  # {"field": "what is wrong with it"}


def order_from(data):
    if not isinstance(data, dict):
        abort(400, description="the body must be a JSON object")
    errors = {}
    if not isinstance(data.get("sku"), str) or not data["sku"]:
        errors["sku"] = "required: a non-empty string"
    quantity = data.get("quantity")
    if (
        type(quantity) is not int or quantity < 1
    ):  # bool is an int: True is not a quantity
        errors["quantity"] = "required: an integer of at least 1"
    if errors:
        raise ValidationFailed(errors)
    return {"sku": data["sku"], "quantity": quantity}


# --8<-- [end:validate]


# --8<-- [start:handlers]
def problem(response, status, title, detail, **extra):
    response.status_code = status
    response.set_data(
        json.dumps(
            {
                "type": "about:blank",
                "title": title,
                "status": status,
                "detail": detail,
                **extra,
            }
        )
    )
    response.content_type = "application/problem+json"
    return response


def register_error_handlers(app):  # an app or a blueprint
    @app.errorhandler(
        HTTPException
    )  # 400, 404, 405, 413, 415 ... and, in production, 500
    def http_error(error):
        return problem(
            error.get_response(), error.code, error.name, error.description
        )

    @app.errorhandler(ValidationFailed)
    def validation_failed(error):
        return problem(
            current_app.response_class(),
            422,
            "Unprocessable Content",
            "the body has invalid fields",
            errors=error.errors,
        )


# --8<-- [end:handlers]


# --8<-- [start:app]
def create_app(config=None):
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = 1024
    app.config.update(config or {})
    register_error_handlers(app)

    @app.post("/orders")
    def create_order():
        order = order_from(
            request.get_json()
        )  # 415 if not JSON, 400 if it does not parse
        return order, 201

    @app.get("/orders/<int:order_id>")
    def get_order(order_id):
        abort(404, description=f"no order {order_id}")

    @app.get("/crash")
    def crash():
        return {"ratio": 1 / 0}

    return app


# --8<-- [end:app]
