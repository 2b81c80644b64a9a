# --8<-- [start:broken]
def test_home(client):  # no conftest.py defines "client" for this folder
    assert client.get("/").text == "home"  # pragma: no cover (never runs)
# --8<-- [end:broken]
