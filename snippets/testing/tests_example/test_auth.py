"""A login-protected page: redirects, sessions, cookies."""

from flask import request, session


# --8<-- [start:redirect]
def test_dashboard_redirects_anonymous_users(client):
    response = client.get("/dashboard")
    assert response.status_code == 302
    assert response.headers["Location"] == "/login"


def test_follow_redirects_lands_on_the_login_page(client):
    response = client.get("/dashboard", follow_redirects=True)
    assert response.status_code == 200
    assert response.request.path == "/login"
    assert [r.status_code for r in response.history] == [302]
# --8<-- [end:redirect]


# --8<-- [start:login]
def test_login_then_dashboard(client, auth):
    assert auth.login().headers["Location"] == "/dashboard"
    assert client.get("/dashboard").text == "Hello, ada"


def test_wrong_password_is_401(auth):
    response = auth.login(password="babbage")
    assert response.status_code == 401
    assert response.text == "Wrong username or password"
# --8<-- [end:login]


# --8<-- [start:with-client]
def test_login_stores_the_user_id_in_the_session(client):
    with client:
        client.post("/login", data={"username": "ada", "password": "lovelace"})
        # Inside the block the last request's context is still pushed.
        assert request.path == "/login"
        assert session["user_id"] == 1
# --8<-- [end:with-client]


# --8<-- [start:session-transaction]
def test_a_session_set_up_without_logging_in(client):
    with client.session_transaction() as sess:
        # saved into the client's cookie when the block ends
        sess["user_id"] = 1
    assert client.get("/dashboard").text == "Hello, ada"
# --8<-- [end:session-transaction]


# --8<-- [start:cookies]
def test_the_session_cookie(client, auth):
    assert client.get_cookie("session") is None
    auth.login()
    cookie = client.get_cookie("session")
    assert cookie.http_only and cookie.path == "/"
    client.delete_cookie("session")  # as if the browser dropped it
    assert client.get("/dashboard").status_code == 302
# --8<-- [end:cookies]
