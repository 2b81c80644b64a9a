from snippets.testing.redirect_demo import journal_app


def test_the_page_redirect_goes_to_the_login_page():
    client = journal_app().test_client()
    response = client.get("/dashboard", follow_redirects=True)
    assert [r.status_code for r in response.history] == [302]
    assert response.history[0].headers["Location"] == "/login"
    assert response.request.path == "/login"
    assert response.text == "Log in, please"
