import uuid

import pytest
from flask import url_for

from snippets.routing.converters import app
from snippets.routing.custom_converter import ISODateConverter
from snippets.routing.custom_converter import app as date_app
from snippets.routing.custom_converter import archive


@pytest.fixture
def client():
    return app.test_client()


@pytest.mark.parametrize(
    ("path", "value", "type_name"),
    [
        ("/pages/hello", "hello", "str"),
        ("/pages/caf%C3%A9", "café", "str"),
        ("/posts/42", "42", "int"),
        ("/posts/007", "7", "int"),
        ("/prices/9.99", "9.99", "float"),
        ("/files/docs/2024/report.pdf", "docs/2024/report.pdf", "str"),
        (
            "/orders/9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f",
            "9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f",
            "UUID",
        ),
        ("/orders/9F1C2D3E-4B5A-4C6D-8E7F-0A1B2C3D4E5F", "9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f", "UUID"),
        ("/docs/fr", "fr", "str"),
        ("/temperatures/-5", "-5", "int"),
        ("/countries/de", "de", "str"),
        ("/archive/12", "12", "int"),
    ],
)
def test_converter_accepts(client, path, value, type_name):
    response = client.get(path)
    assert response.status_code == 200
    assert response.json == {"value": value, "type": type_name}


@pytest.mark.parametrize(
    "path",
    [
        "/pages/a/b",  # string: no slash
        "/posts/-1",  # int: unsigned by default
        "/posts/4.2",  # int: no dot
        "/posts/abc",
        "/prices/10",  # float: needs a dot
        "/prices/.5",
        "/prices/-1.5",  # float: unsigned by default
        "/orders/12345",  # uuid: wrong shape
        "/docs/es",  # any: not in the list
        "/countries/deu",  # string(length=2)
        "/archive/0",  # int(min=1)
        "/archive/13",  # int(max=12)
    ],
)
def test_converter_rejects_with_404(client, path):
    assert client.get(path).status_code == 404


def test_builtin_converter_names():
    # Audit item 27: "any" is one of them.
    assert set(app.url_map.converters) == {
        "default", "string", "any", "path", "int", "float", "uuid",
    }


def test_any_converter_validates_when_building():
    with app.test_request_context():
        assert url_for("docs", lang="de") == "/docs/de"
        with pytest.raises(ValueError, match="'es' is not one of 'de', 'en', 'fr'"):
            url_for("docs", lang="es")
        order_id = uuid.UUID("9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f")
        assert url_for("order", order_id=order_id) == f"/orders/{order_id}"
        assert url_for("file", subpath="a/b c.txt") == "/files/a/b%20c.txt"


def test_custom_converter_to_python_and_to_url():
    client = date_app.test_client()
    response = client.get("/reports/2024-02-29")
    assert response.status_code == 200
    assert response.json == {"day": "2024-02-29", "weekday": "Thursday", "next": "/reports/2024-03-01"}


@pytest.mark.parametrize("path", ["/reports/2023-02-29", "/reports/yesterday", "/reports/2024-2-1"])
def test_custom_converter_rejects_bad_dates(path):
    assert date_app.test_client().get(path).status_code == 404


def test_custom_converter_is_registered():
    assert date_app.url_map.converters["date"] is ISODateConverter


def test_path_needs_a_non_empty_value(client):
    assert client.get("/files/").status_code == 404


def test_url_for_formats_a_float_so_it_matches():
    with app.test_request_context():
        url = url_for("price", amount=10)
    assert url == "/prices/10.0"
    assert app.test_client().get(url).json == {"value": "10.0", "type": "float"}


def test_converter_must_be_registered_before_rules_use_it():
    from flask import Flask

    scratch = Flask(__name__)
    with pytest.raises(LookupError, match="the converter 'date' does not exist"):
        scratch.add_url_rule("/r/<date:day>", view_func=lambda day: "")


def test_other_exceptions_in_to_python_become_500():
    from flask import Flask
    from werkzeug.routing import BaseConverter

    class Fragile(BaseConverter):
        def to_python(self, value):
            raise ValueError("not a ValidationError")

    scratch = Flask(__name__)
    scratch.url_map.converters["fragile"] = Fragile
    scratch.add_url_rule("/f/<fragile:x>", view_func=lambda x: "")
    assert scratch.test_client().get("/f/anything").status_code == 500


def test_validation_error_does_not_fall_through_to_a_catch_all_rule():
    # Werkzeug 2.2+: the state machine picks one rule, then runs converters; a ValidationError
    # ends the match (werkzeug/routing/matcher.py). Werkzeug 2.1 tried the next rule instead.
    client = archive.test_client()
    assert client.get("/reports/latest").json == {"report": "latest"}  # fails the date regex
    assert client.get("/reports/2024-02-29").json == {"day": "2024-02-29"}
    response = client.get("/reports/2023-02-29")  # passes the regex, fails to_python
    assert response.status_code == 404  # /reports/<name> would have matched, and is not tried


def test_the_first_declared_rule_wins_a_tie_between_converters():
    from flask import Flask

    scratch = Flask(__name__)
    scratch.url_map.converters["date"] = ISODateConverter
    scratch.add_url_rule("/r/<name>", "named", lambda name: "named")  # declared first
    scratch.add_url_rule("/r/<date:day>", "dated", lambda day: "dated")
    assert ISODateConverter.weight == 100  # the default, the same as string's
    assert scratch.test_client().get("/r/2024-02-29").text == "named"


def test_float_takes_min_and_max_too():
    # werkzeug/routing/converters.py: FloatConverter(map, min=None, max=None, signed=False).
    from flask import Flask

    scratch = Flask(__name__)
    scratch.add_url_rule("/rate/<float(min=0.5, max=2.0):rate>", "rate", lambda rate: f"{rate}")
    client = scratch.test_client()
    assert client.get("/rate/1.5").text == "1.5"
    assert client.get("/rate/2.5").status_code == 404
    assert client.get("/rate/0.25").status_code == 404
