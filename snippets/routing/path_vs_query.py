"""Path parameters identify a resource; query parameters filter and page."""

from flask import Flask, abort, request

app = Flask(__name__)

BOOKS = {
    1: {"id": 1, "title": "Dune", "genre": "sf"},
    2: {"id": 2, "title": "Emma", "genre": "classic"},
    3: {"id": 3, "title": "Solaris", "genre": "sf"},
    4: {"id": 4, "title": "Ubik", "genre": "sf"},
}


# --8<-- [start:path]
@app.get("/books/<int:book_id>")
def get_book(book_id):
    if book_id not in BOOKS:
        abort(404)
    return BOOKS[book_id]
# --8<-- [end:path]


# --8<-- [start:query]
@app.get("/books")
def list_books():
    page = request.args.get("page", default=1, type=int)
    per_page = request.args.get("per_page", default=2, type=int)
    genre = request.args.get("genre")  # None when absent
    books = [b for b in BOOKS.values() if genre is None or b["genre"] == genre]
    start = (page - 1) * per_page
    page_of_books = books[start:start + per_page]
    return {"page": page, "per_page": per_page, "books": page_of_books}
# --8<-- [end:query]


# --8<-- [start:required]
@app.get("/search")
def search():
    return {"q": request.args["q"], "tags": request.args.getlist("tag")}
# --8<-- [end:required]
