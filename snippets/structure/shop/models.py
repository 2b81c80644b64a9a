"""Models import `db` from extensions, never from the app package: no cycle."""

# --8<-- [start:models]
from sqlalchemy.orm import Mapped, mapped_column

from .extensions import db


class User(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(unique=True)


class Product(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


# --8<-- [end:models]
