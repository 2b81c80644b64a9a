from snippets.routing.trailing_slash import app

client = app.test_client()


def test_folder_like_rule_serves_the_slashed_url():
    assert client.get("/projects/").text == "the projects collection"


def test_slashless_url_gets_a_308_to_the_slashed_one():
    response = client.get("/projects")
    assert response.status_code == 308
    assert response.headers["Location"] == "http://localhost/projects/"


def test_the_308_keeps_method_body_and_query_string():
    response = client.post("/projects?page=2", data={"name": "x"})
    assert response.status_code == 308
    assert response.headers["Location"] == "http://localhost/projects/?page=2"
    followed = client.post("/projects", data={"name": "x"}, follow_redirects=True)
    assert followed.status_code == 200
    assert followed.request.method == "POST"


def test_file_like_rule_gives_404_for_the_slashed_url():
    assert client.get("/about").status_code == 200
    assert client.get("/about/").status_code == 404


def test_strict_slashes_false_answers_both():
    assert client.get("/feed").status_code == 200
    response = client.get("/feed/")
    assert response.status_code == 200
    assert response.text == "the feed, with or without a slash"


def test_map_wide_setting_applies_to_rules_added_afterwards():
    from flask import Flask

    scratch = Flask(__name__)
    scratch.add_url_rule("/before/", endpoint="before", view_func=lambda: "before")
    scratch.url_map.strict_slashes = False
    scratch.add_url_rule("/after/", endpoint="after", view_func=lambda: "after")
    lenient = scratch.test_client()
    assert lenient.get("/before").status_code == 308
    assert lenient.get("/after").status_code == 200
