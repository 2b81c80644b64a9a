"""The JSON API and the error handlers: status code and body, every time."""

from journal.models import Entry, db


# --8<-- [start:json]
def test_add_entry_returns_201_and_the_entry(client):
    entry = {"city": "Oslo", "text": "Fjords"}
    response = client.post("/api/entries", json=entry)
    assert response.status_code == 201
    assert response.get_json() == {"id": 1, "city": "Oslo", "text": "Fjords"}


def test_entries_are_listed_in_order(client):
    client.post("/api/entries", json={"city": "Oslo", "text": "Fjords"})
    client.post("/api/entries", json={"city": "Lima", "text": "Ceviche"})
    response = client.get("/api/entries")
    assert response.status_code == 200
    assert [e["city"] for e in response.json] == ["Oslo", "Lima"]


def test_one_entry_by_id(client):
    client.post("/api/entries", json={"city": "Oslo", "text": "Fjords"})
    assert client.get("/api/entries/1").json["city"] == "Oslo"
# --8<-- [end:json]


# --8<-- [start:db-state]
def test_the_row_is_in_the_database(app, client):
    client.post("/api/entries", json={"city": "Oslo", "text": "Fjords"})
    with app.app_context():  # the request's context is gone; push one to query
        entry = db.session.execute(db.select(Entry)).scalar_one()
    assert (entry.city, entry.text) == ("Oslo", "Fjords")


def test_each_test_starts_with_an_empty_table(client):
    assert client.get("/api/entries").json == []
# --8<-- [end:db-state]


# --8<-- [start:errors]
def test_missing_field_is_a_json_400(client):
    response = client.post("/api/entries", json={"city": "Oslo"})
    assert response.status_code == 400
    assert response.json == {
        "error": "Bad Request",
        "detail": "city and text are required",
    }


def test_json_that_is_not_an_object_is_a_json_400(client):
    for body in ("Oslo", ["Oslo", "Fjords"], 42):
        response = client.post("/api/entries", json=body)
        assert response.status_code == 400
        assert response.json["detail"] == "city and text are required"


def test_form_data_is_a_json_415(client):
    form = {"city": "Oslo", "text": "Fjords"}
    response = client.post("/api/entries", data=form)
    assert response.status_code == 415
    assert response.json["error"] == "Unsupported Media Type"


def test_unknown_entry_is_a_json_404(client):
    response = client.get("/api/entries/42")
    assert response.status_code == 404
    assert response.json == {"error": "Not Found", "detail": "no entry 42"}
    assert response.content_type == "application/json"
# --8<-- [end:errors]
