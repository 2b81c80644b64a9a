from shop import app


# --8<-- [start:broken]
def test_total_without_testing():
    app.config["TESTING"] = False  # the default
    response = app.test_client().get("/total")
    assert response.status_code == 200


def test_total_with_testing():
    app.config["TESTING"] = True
    assert app.test_client().get("/total").status_code == 200
# --8<-- [end:broken]
