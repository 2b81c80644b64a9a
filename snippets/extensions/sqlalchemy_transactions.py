"""Transactions with Flask-SQLAlchemy 3.1: rollback, a unique constraint instead
of a check, expire_on_commit.
"""

import tempfile
import threading
from pathlib import Path

from flask import Flask, request
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import String, event
from sqlalchemy.exc import IntegrityError, PendingRollbackError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.orm.exc import DetachedInstanceError


class Base(DeclarativeBase):
    pass


# --8<-- [start:models]
db = SQLAlchemy(model_class=Base)


# the racy version: uniqueness is only checked in Python
class Member(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(200))


class User(db.Model):  # the database refuses a second row with the same e-mail
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(200), unique=True)


# --8<-- [end:models]


# --8<-- [start:keep]
# for work done after the commit
keep = SQLAlchemy(session_options={"expire_on_commit": False})


class Report(keep.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(200))


# --8<-- [end:keep]


def create_app(database_uri, ext=db):
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = database_uri
    ext.init_app(app)  # one SQLAlchemy object per app
    with app.app_context():
        ext.create_all()
    register_views(app)
    return app


def email_taken(model, email):
    return (
        db.session.execute(db.select(model).filter_by(email=email)).first()
        is not None
    )


def register_views(app):
    # --8<-- [start:views]
    @app.post("/members")
    # check, then insert: two requests can both pass the check
    def add_member():
        email = request.get_json()["email"]
        if email_taken(Member, email):
            return {"error": "email_taken"}, 409
        db.session.add(Member(email=email))
        db.session.commit()
        return {"email": email}, 201

    @app.post("/users")
    def add_user():  # insert, and let the unique constraint decide
        email = request.get_json()["email"]
        db.session.add(User(email=email))
        try:
            db.session.commit()
        except IntegrityError:
            db.session.rollback()  # the session is unusable until you do
            return {"error": "email_taken"}, 409
        return {"email": email}, 201

    # --8<-- [end:views]


# --8<-- [start:race]
def race(path, email="ada@example.com"):
    """Two requests for one e-mail, both past the check before any insert."""
    global email_taken
    check, both_checked = email_taken, threading.Barrier(2, timeout=10)

    # widens the window a busy server leaves open anyway
    def check_then_wait(model, value):
        taken = check(model, value)
        both_checked.wait()
        return taken

    with tempfile.TemporaryDirectory() as folder:
        app = create_app(f"sqlite:///{Path(folder) / 'race.db'}")
        statuses = []
        email_taken = check_then_wait
        try:
            threads = [
                threading.Thread(
                    target=lambda: statuses.append(
                        app.test_client()
                        .post(path, json={"email": email})
                        .status_code
                    )
                )
                for _ in range(2)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(20)
        finally:
            email_taken = check
        with app.app_context():
            model = Member if path == "/members" else User
            rows = (
                db.session.execute(db.select(model).filter_by(email=email))
                .scalars()
                .all()
            )
            db.engine.dispose()
    return (
        f"POST {path} twice at once -> statuses {sorted(statuses)}, "
        f"rows with that e-mail: {len(rows)}"
    )


# --8<-- [end:race]


def races():
    return "\n".join(race(path) for path in ("/members", "/users"))


# --8<-- [start:rollback]
def after_an_integrity_error(rollback):
    """A failed commit leaves the session failed until rollback()."""
    app = create_app("sqlite://")
    with app.app_context():
        db.session.add(User(email="ada@example.com"))
        db.session.commit()
        db.session.add(User(email="ada@example.com"))
        try:
            db.session.commit()
        except IntegrityError as error:
            lines = [f"commit        -> IntegrityError: {error.orig}"]
        if rollback:
            db.session.rollback()
        try:
            count = len(db.session.execute(db.select(User)).scalars().all())
            lines.append(f"next query    -> {count} user(s)")
        except PendingRollbackError as error:
            lines.append(
                "next query    -> PendingRollbackError: "
                f"{str(error).split('.')[0]}."
            )
    return "\n".join(lines)


# --8<-- [end:rollback]


def rollback_or_not():
    return "\n".join(
        f"rollback() {'called' if flag else 'forgotten'}:\n"
        + after_an_integrity_error(flag)
        for flag in (False, True)
    )


# --8<-- [start:expire]
def after_commit(ext, model):
    """What reading an attribute costs after commit, and after teardown."""
    app = create_app("sqlite://", ext)
    statements = []
    with app.app_context():
        event.listen(
            ext.engine,
            "before_cursor_execute",
            lambda *args: statements.append(args[2]),
        )
        first, second = (
            model(email="ada@example.com"),
            model(email="bob@example.com"),
        )
        ext.session.add_all([first, second])
        ext.session.commit()
        statements.clear()
        first.email  # after an expiring commit this is a SELECT
        lines = [
            "inside the context: reading .email ran "
            f"{len(statements)} statement(s)"
        ]
    row = second  # committed, never read again, and its session is gone
    try:
        lines.append(f"after teardown:     .email is {row.email!r}")
    except DetachedInstanceError as error:
        lines.append(
            "after teardown:     DetachedInstanceError: "
            f"{str(error).split('> ')[1].split(';')[0]}"
        )
    return "\n".join(lines)


# --8<-- [end:expire]


def expire_or_not():
    return "\n".join(
        [
            "db, expire_on_commit=True (the default):",
            after_commit(db, User),
            "keep, expire_on_commit=False:",
            after_commit(keep, Report),
        ]
    )
