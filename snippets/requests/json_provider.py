"""The app.json provider: what JSON responses look like and which types they
accept.
"""

import enum
from datetime import date
from decimal import Decimal

from flask import Flask
from flask.json.provider import DefaultJSONProvider


class Status(enum.Enum):
    OPEN = "open"
    CLOSED = "closed"


def invoice():
    return {"total": Decimal("19.90"), "due": date(2025, 1, 31), "number": 7}


# --8<-- [start:default]
default_app = Flask(__name__)


@default_app.get("/invoice")
def default_invoice():
    return invoice()  # keys come out sorted; Decimal -> str; date -> HTTP date


@default_app.get("/ticket")
def default_ticket():
    return {"status": Status.OPEN}  # the default provider cannot encode an Enum


# --8<-- [end:default]


# --8<-- [start:provider]
class ApiJSONProvider(DefaultJSONProvider):
    sort_keys = False  # keep the order the view built

    @staticmethod
    def default(o):
        if isinstance(o, enum.Enum):
            return o.value
        if isinstance(o, date):
            return o.isoformat()  # ISO 8601 instead of an HTTP date
        return DefaultJSONProvider.default(o)


class ApiFlask(Flask):
    json_provider_class = ApiJSONProvider


app = ApiFlask(__name__)


@app.get("/invoice")
def api_invoice():
    return invoice()


@app.get("/ticket")
def api_ticket():
    return {"status": Status.OPEN}


# --8<-- [end:provider]


# --8<-- [start:attribute]
compact_app = Flask(__name__)
compact_app.json.sort_keys = (
    False  # attributes replace JSON_SORT_KEYS (removed 2.3.0)
)
compact_app.json.compact = True  # never indent, even in debug mode


@compact_app.get("/invoice")
def compact_invoice():
    return invoice()


# --8<-- [end:attribute]
