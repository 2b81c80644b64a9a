from shop import app


# --8<-- [start:broken]
def test_dashboard_page():
    response = app.test_client().get("/dashboard")
    assert response.status_code == 200
# --8<-- [end:broken]


# --8<-- [start:fixed]
def test_dashboard_sends_anonymous_users_to_login():
    response = app.test_client().get("/dashboard")
    assert response.status_code == 302
    assert response.headers["Location"] == "/login"


def test_following_the_redirect_lands_on_login():
    response = app.test_client().get("/dashboard", follow_redirects=True)
    assert response.status_code == 200
    assert response.request.path == "/login"
# --8<-- [end:fixed]
