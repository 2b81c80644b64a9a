"""Extension objects, created unbound: no app exists when this module is
imported.
"""

# --8<-- [start:extensions]
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


# no app argument: init_app() attaches it later
db = SQLAlchemy(model_class=Base)
# --8<-- [end:extensions]
