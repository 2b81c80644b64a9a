import sqlite3

import pytest

from snippets.security import sqli, sqli_unsafe

ALL_ROWS = "' OR '1'='1"
UNION = "x' UNION SELECT name, password_hash FROM users --"


def test_normal_use_is_the_same_for_both():
    for module in (sqli, sqli_unsafe):
        response = module.app.test_client().get("/products", query_string={"owner": "ada"})
        assert response.json == [{"id": 1, "name": "pen"}, {"id": 2, "name": "ink"}]


def test_or_1_equals_1_returns_every_row_from_the_f_string_query():
    response = sqli_unsafe.app.test_client().get("/products", query_string={"owner": ALL_ROWS})
    assert [row["name"] for row in response.json] == ["pen", "ink", "vault"]  # grace's too


def test_union_leaks_the_users_table_from_the_f_string_query():
    response = sqli_unsafe.app.test_client().get("/products", query_string={"owner": UNION})
    assert response.json == [{"id": "ada", "name": "scrypt:32768:8:1$ada-hash"},
                             {"id": "grace", "name": "scrypt:32768:8:1$grace-hash"}]


@pytest.mark.parametrize("payload", [ALL_ROWS, UNION, "x'; DROP TABLE users; --"])
def test_bound_parameter_treats_every_payload_as_a_name(payload):
    response = sqli.app.test_client().get("/products", query_string={"owner": payload})
    assert (response.status_code, response.json) == (200, [])
    assert sqli.db.execute("SELECT count(*) FROM users").fetchone() == (2,)


def test_sqlite3_refuses_stacked_statements_but_union_needs_none():
    with pytest.raises(sqlite3.ProgrammingError, match="one statement at a time"):
        sqli_unsafe.products_of("x'; DROP TABLE users; --")
