"""The books API with nothing but Flask's MethodView and marshmallow."""

from flask import Flask, abort, current_app, request
from flask.views import MethodView
from marshmallow import ValidationError

from snippets.extensions.rest_schemas import (
    BookQuerySchema,
    BookSchema,
    BookStore,
)

book_schema, query_schema = BookSchema(), BookQuerySchema()


# --8<-- [start:views]
class BookList(MethodView):
    def get(self):
        args = query_schema.load(request.args)  # the query string, validated
        books = current_app.extensions["books"].search(**args)
        return book_schema.dump(books, many=True)

    def post(self):
        payload = request.get_json(silent=True)
        if not isinstance(payload, dict):
            abort(
                400,
                description="Send a JSON object with "
                "Content-Type: application/json.",
            )
        book = current_app.extensions["books"].add(book_schema.load(payload))
        return book_schema.dump(book), 201, {"Location": f"/books/{book['id']}"}


class BookItem(MethodView):
    def get(self, book_id):
        book = current_app.extensions["books"].books.get(book_id)
        if book is None:
            abort(404, description=f"No book with id {book_id}.")
        return book_schema.dump(book)


# --8<-- [end:views]


# --8<-- [start:app]
def create_app():
    app = Flask(__name__)
    app.extensions["books"] = BookStore()
    app.add_url_rule("/books", view_func=BookList.as_view("books"))
    app.add_url_rule("/books/<int:book_id>", view_func=BookItem.as_view("book"))

    # schema.load() raised: the input is wrong
    @app.errorhandler(ValidationError)
    def invalid(error):
        return {
            "code": 422,
            "status": "Unprocessable Entity",
            "errors": error.messages,
        }, 422

    @app.errorhandler(400)
    @app.errorhandler(404)
    def http_error(error):
        return {
            "code": error.code,
            "status": error.name,
            "message": error.description,
        }, error.code

    return app


# --8<-- [end:app]
