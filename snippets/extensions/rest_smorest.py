"""The same books API with flask-smorest: validation, serialization and OpenAPI
from the schemas.
"""

from flask import Flask, current_app
from flask.views import MethodView
from flask_smorest import Api, Blueprint, abort

from snippets.extensions.rest_schemas import (
    BookQuerySchema,
    BookSchema,
    BookStore,
)

# --8<-- [start:views]
blp = Blueprint("books", __name__, url_prefix="/books", description="Books")


@blp.route("")
class BookList(MethodView):
    @blp.arguments(BookQuerySchema, location="query")
    @blp.response(200, BookSchema(many=True))
    def get(self, args):
        return current_app.extensions["books"].search(**args)

    @blp.arguments(BookSchema)  # location="json" is the default
    @blp.response(201, BookSchema)
    def post(self, book):
        return current_app.extensions["books"].add(book)


@blp.route("/<int:book_id>")
class BookItem(MethodView):
    @blp.response(200, BookSchema)
    def get(self, book_id):
        book = current_app.extensions["books"].books.get(book_id)
        if book is None:
            abort(404, message=f"No book with id {book_id}.")
        return book


# --8<-- [end:views]


# --8<-- [start:app]
def create_app():
    app = Flask(__name__)
    app.config.update(
        API_TITLE="Books",
        API_VERSION="v1",
        OPENAPI_VERSION="3.0.3",
        # serves /openapi.json; no Swagger UI from a CDN
        OPENAPI_URL_PREFIX="/",
    )
    app.extensions["books"] = BookStore()
    Api(app).register_blueprint(blp)
    return app


# --8<-- [end:app]
