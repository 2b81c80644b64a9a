from snippets.routing.path_vs_query import app

client = app.test_client()


def test_path_parameter_identifies_one_book():
    response = client.get("/books/3")
    assert response.status_code == 200
    assert response.json["title"] == "Solaris"


def test_missing_book_is_404_and_non_integer_id_never_reaches_the_view():
    assert client.get("/books/99").status_code == 404
    assert client.get("/books/three").status_code == 404


def test_query_parameters_default_when_absent():
    response = client.get("/books")
    assert response.json["page"] == 1
    assert response.json["per_page"] == 2
    assert [b["id"] for b in response.json["books"]] == [1, 2]


def test_query_parameters_filter_and_page():
    response = client.get("/books", query_string={"genre": "sf", "page": 2})
    assert response.json["page"] == 2
    assert [b["title"] for b in response.json["books"]] == ["Ubik"]


def test_type_int_falls_back_to_the_default_on_bad_input():
    response = client.get("/books?page=abc&per_page=3")
    assert response.status_code == 200
    assert response.json["page"] == 1
    assert response.json["per_page"] == 3


def test_indexing_a_missing_query_parameter_is_a_400():
    assert client.get("/search").status_code == 400
    response = client.get("/search?q=dune&tag=sf&tag=classic")
    assert response.json == {"q": "dune", "tags": ["sf", "classic"]}


def test_get_returns_only_the_first_of_repeated_keys():
    from flask import request

    with app.test_request_context("/search?tag=sf&tag=classic"):
        assert request.args.get("tag") == "sf"
        assert request.args.getlist("tag") == ["sf", "classic"]
