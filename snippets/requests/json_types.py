"""The default JSON provider at its edges: dataclasses, Decimal both ways,
datetimes, mixed keys.
"""

import dataclasses
import datetime as dt
from decimal import Decimal

from flask import Flask, jsonify, request
from flask.json.provider import DefaultJSONProvider

app = Flask(__name__)


# --8<-- [start:dataclass]
@dataclasses.dataclass
class User:
    email: str
    password_hash: str  # asdict() knows nothing about what is private


@dataclasses.dataclass
class Account:
    owner: User
    balance: Decimal


ACCOUNT = Account(
    User("ada@example.com", "pbkdf2:sha256$..."),
    Decimal("12345678901234567.89"),
)


@app.get("/account")
def account():
    return jsonify(
        ACCOUNT
    )  # `return ACCOUNT` is a TypeError: only dict and list convert


# --8<-- [end:dataclass]


# --8<-- [start:edges]
def edges():
    dumps = app.json.dumps
    rows = {
        "Decimal": Decimal("12345678901234567.89"),
        "float(Decimal)": float(Decimal("12345678901234567.89")),
        "naive datetime": dt.datetime(2025, 1, 31, 9, 30),
        "aware datetime, UTC+2": dt.datetime(
            2025, 1, 31, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2))
        ),
        "date": dt.date(2025, 1, 31),
    }
    lines = [f"{name:22} -> {dumps(value)}" for name, value in rows.items()]
    try:
        dumps({1: "int key", "b": "str key"})
    except TypeError as error:
        lines.append(f"{'int and str keys':22} -> TypeError: {error}")
    return "\n".join(lines)


# --8<-- [end:edges]


# --8<-- [start:money]
class MoneyJSONProvider(DefaultJSONProvider):
    def loads(self, s, **kwargs):
        kwargs.setdefault(
            "parse_float", Decimal
        )  # 19.90 arrives as Decimal("19.90")
        return super().loads(s, **kwargs)


money_app = Flask(__name__)
money_app.json = MoneyJSONProvider(money_app)


@money_app.post("/payments")
def payment():
    amount = request.get_json()[
        "amount"
    ]  # get_json() goes through app.json.loads
    return {
        "type": type(amount).__name__,
        "amount": amount,
        "doubled": amount * 2,
    }


# --8<-- [end:money]
