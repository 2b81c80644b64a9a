"""marshmallow 4 schemas shared by the MethodView and flask-smorest versions of
one API.
"""

from marshmallow import Schema, fields, validate


# --8<-- [start:schemas]
class BookSchema(Schema):
    id = fields.Integer(dump_only=True)  # output only: a client can't set it
    title = fields.String(
        required=True, validate=validate.Length(min=1, max=200)
    )
    year = fields.Integer(
        validate=validate.Range(min=1450, max=2100), load_default=None
    )
    # a callable: a new list each time
    tags = fields.List(fields.String(), load_default=list)
    # filled in on output when absent
    status = fields.String(dump_default="available")


class BookQuerySchema(Schema):  # what reqparse used to do for the query string
    tag = fields.String()
    limit = fields.Integer(
        validate=validate.Range(min=1, max=100), load_default=20
    )


# --8<-- [end:schemas]


# --8<-- [start:marshmallow3]
def marshmallow3_arguments():
    """The marshmallow 3 spelling of the defaults, tried on marshmallow 4."""
    errors = []
    for old in ({"missing": None}, {"default": "available"}):
        try:
            fields.String(**old)
        except TypeError as error:
            errors.append(f"fields.String(**{old!r}) -> TypeError: {error}")
    return "\n".join(errors)


# --8<-- [end:marshmallow3]


class BookStore:
    """An in-memory store, one per app, so each test starts empty."""

    def __init__(self):
        self.books, self.next_id = {}, 1

    def add(self, book):
        book = {**book, "id": self.next_id}
        self.books[book["id"]], self.next_id = book, self.next_id + 1
        return book

    def search(self, tag=None, limit=20):
        found = [
            b for b in self.books.values() if tag is None or tag in b["tags"]
        ]
        return found[:limit]
