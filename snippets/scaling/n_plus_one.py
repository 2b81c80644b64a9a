"""The N+1 query problem, counted with an engine event, fixed with
selectinload."""

from flask import Blueprint, Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import ForeignKey, event
from sqlalchemy.orm import Mapped, mapped_column, relationship, selectinload

db = SQLAlchemy()
bp = Blueprint("catalogue", __name__)


class Author(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    # lazy="select"
    books: Mapped[list["Book"]] = relationship(back_populates="author")


class Book(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))
    author: Mapped[Author] = relationship(back_populates="books")


# --8<-- [start:counter]
statements = []


def record(conn, cursor, statement, parameters, context, executemany):
    statements.append(" ".join(statement.split()))


def create_app():
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
    db.init_app(app)
    with app.app_context():
        # every SQL statement
        event.listen(db.engine, "before_cursor_execute", record)
        db.create_all()
        for n in range(1, 6):
            db.session.add(
                Author(
                    name=f"author {n}",
                    books=[Book(title=f"book {n}a"), Book(title=f"book {n}b")],
                )
            )
        db.session.commit()
    app.register_blueprint(bp)
    return app
# --8<-- [end:counter]


# --8<-- [start:views]
def as_json(authors):
    return {a.name: [b.title for b in a.books] for a in authors}


@bp.get("/authors/lazy")
def authors_lazy():
    authors = db.session.scalars(db.select(Author)).all()  # 1 query...
    # ...+1 per author for .books
    return as_json(authors)


@bp.get("/authors/eager")
def authors_eager():
    # 1 + 1 "WHERE IN" query
    query = db.select(Author).options(selectinload(Author.books))
    return as_json(db.session.scalars(query).all())
# --8<-- [end:views]


def compare():
    client = create_app().test_client()
    lines = []
    for path in ("/authors/lazy", "/authors/eager"):
        statements.clear()
        body = client.get(path).get_json()
        lines.append(
            f"GET {path}: {len(body)} authors, {len(statements)} SQL statements"
        )
        lines += [f"    {s[:95]}" for s in statements[:3]]
        if len(statements) > 3:
            lines.append(
                f"    ... {len(statements) - 3} more like the last one"
            )
    return "\n".join(lines)
