def test_home(client):
    assert client.get("/").text == "home"
