"""Flask-SQLAlchemy 3.1 in SQLAlchemy 2.x style: typed models, select(),
get_or_404, paginate.
"""

from flask import Flask, abort, request, url_for
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from werkzeug.exceptions import HTTPException


# --8<-- [start:models]
class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)  # no app yet: init_app() in the factory


class Author(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    books: Mapped[list["Book"]] = relationship(back_populates="author")


class Book(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))
    author: Mapped[Author] = relationship(back_populates="books")


# --8<-- [end:models]


# --8<-- [start:factory]
def create_app(database_uri):
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = database_uri
    db.init_app(app)
    with app.app_context():
        db.create_all()  # fine for a demo; a real app runs migrations
    register_views(app)
    return app


# --8<-- [end:factory]


def register_views(app):
    # --8<-- [start:queries]
    @app.get("/books")
    def list_books():
        # a page past the last one: 404
        page = db.paginate(
            db.select(Book).order_by(Book.id),
            page=positive_int("page", 1),
            per_page=positive_int("per_page", 20),
            max_per_page=50,
        )
        return {
            "books": [book.title for book in page.items],
            "page": page.page,
            "pages": page.pages,
            "total": page.total,
        }

    @app.get("/books/<int:book_id>")
    def show_book(book_id):
        book = db.get_or_404(
            Book, book_id, description=f"No book with id {book_id}."
        )
        return {"title": book.title, "author": book.author.name}

    @app.get("/authors")
    def find_authors():
        query = db.select(Author).where(
            Author.name.contains(request.args.get("q", ""))
        )
        authors = db.session.execute(query.order_by(Author.name)).scalars()
        return {"authors": [a.name for a in authors]}

    @app.get("/authors/<int:author_id>/books")
    def books_by(author_id):
        author = db.get_or_404(
            Author, author_id, description=f"No author with id {author_id}."
        )
        return {"author": author.name, "books": [b.title for b in author.books]}

    # --8<-- [end:queries]

    # --8<-- [start:create]
    @app.post("/books")
    def add_book():
        data = request.get_json(silent=True)
        if not isinstance(data, dict):
            return {"error": "Send a JSON object."}, 400
        title, author_id = data.get("title"), data.get("author_id")
        errors = {}
        if not isinstance(title, str) or not 1 <= len(title.strip()) <= 200:
            errors["title"] = "Required, 1 to 200 characters."
        if not isinstance(author_id, int) or isinstance(author_id, bool):
            errors["author_id"] = "Required, an integer."
        elif db.session.get(Author, author_id) is None:
            errors["author_id"] = f"No author with id {author_id}."
        if errors:
            return {"errors": errors}, 422
        book = Book(title=title.strip(), author_id=author_id)
        db.session.add(book)
        db.session.commit()
        return (
            {"id": book.id},
            201,
            {"Location": url_for("show_book", book_id=book.id)},
        )

    # --8<-- [end:create]

    # --8<-- [start:positive-int]
    def positive_int(name, default):
        """paginate() answers 404 for ?page=two; say what is wrong instead."""
        value = request.args.get(name, str(default))
        if not value.isdigit() or int(value) < 1:
            abort(
                400,
                description=f"{name} must be a whole number from 1 up, "
                f"not {value!r}.",
            )
        return int(value)

    # --8<-- [end:positive-int]

    @app.errorhandler(HTTPException)
    def as_json(error):
        return {"error": error.description}, error.code


def seed():
    """Three authors and seven books (call inside an app context)."""
    ada, grace, linus = (
        Author(name="Ada"),
        Author(name="Grace"),
        Author(name="Linus"),
    )
    db.session.add_all([ada, grace, linus])
    for n in range(1, 5):
        db.session.add(Book(title=f"Notes {n}", author=ada))
    for title in ["Compilers", "COBOL"]:
        db.session.add(Book(title=title, author=grace))
    db.session.add(Book(title="Kernels", author=linus))
    db.session.commit()


def create_demo_app():
    """In-memory database with the seed data: what the page's "Try it" tabs
    call.
    """
    app = create_app("sqlite://")
    with app.app_context():
        seed()
    return app
