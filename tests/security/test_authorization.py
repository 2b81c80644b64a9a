import pytest

from snippets.security import authz

ADA = {"Authorization": "Bearer tok-ada"}
BOB = {"Authorization": "Bearer tok-bob"}


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer nope"},
                                     {"Authorization": "Basic tok-ada"}])
def test_no_valid_credentials_is_401_with_www_authenticate(headers):
    response = authz.app.test_client().get("/admin/users", headers=headers)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer realm=api"


def test_authenticated_without_the_role_is_403_without_a_challenge():
    response = authz.app.test_client().get("/admin/users", headers=BOB)
    assert response.status_code == 403
    assert "WWW-Authenticate" not in response.headers


def test_admin_gets_through():
    response = authz.app.test_client().get("/admin/users", headers=ADA)
    assert (response.status_code, response.json) == (200, {"users": ["ada", "bob"]})


def test_someone_elses_invoice_is_404_like_a_missing_one():
    client = authz.app.test_client()
    assert client.get("/invoices/1", headers=ADA).json == {"owner": "ada", "total": 120}
    assert client.get("/invoices/2", headers=ADA).status_code == 404  # bob's
    assert client.get("/invoices/99", headers=ADA).status_code == 404  # nobody's
    assert client.get("/invoices/2").status_code == 401


def test_wraps_keeps_endpoint_names_distinct():
    assert {"list_users", "invoice"} <= set(authz.app.view_functions)
