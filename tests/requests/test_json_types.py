import pytest
from flask import Flask

from snippets.requests import json_types


def test_a_dataclass_is_serialised_recursively_with_every_field():
    body = json_types.app.test_client().get("/account").get_json()
    assert body == {"owner": {"email": "ada@example.com", "password_hash": "pbkdf2:sha256$..."},
                    "balance": "12345678901234567.89"}


def test_returning_a_dataclass_directly_is_a_type_error():
    app = Flask(__name__)
    app.get("/")(lambda: json_types.ACCOUNT)
    app.testing = True
    with pytest.raises(TypeError, match="but it was a Account"):
        app.test_client().get("/")


def test_edges_output():
    lines = json_types.edges().splitlines()
    assert lines == [
        'Decimal                -> "12345678901234567.89"',
        "float(Decimal)         -> 1.2345678901234568e+16",
        'naive datetime         -> "Fri, 31 Jan 2025 09:30:00 GMT"',
        'aware datetime, UTC+2  -> "Fri, 31 Jan 2025 07:30:00 GMT"',
        'date                   -> "Fri, 31 Jan 2025 00:00:00 GMT"',
        "int and str keys       -> TypeError: '<' not supported between instances of 'str' and 'int'",
    ]


def test_mixed_keys_work_once_sort_keys_is_off():
    app = Flask(__name__)
    app.json.sort_keys = False
    assert app.json.dumps({1: "a", "b": 2}) == '{"1": "a", "b": 2}'


def test_parse_float_decimal_keeps_money_exact():
    client = json_types.money_app.test_client()
    response = client.post("/payments", data='{"amount": 19.90}', content_type="application/json")
    assert response.get_json() == {"type": "Decimal", "amount": "19.90", "doubled": "39.80"}


def test_the_default_provider_parses_money_as_float():
    app = Flask(__name__)
    with app.test_request_context(data='{"amount": 0.1}', content_type="application/json"):
        from flask import request
        assert request.get_json()["amount"] * 3 == 0.30000000000000004
