from shop import ORDERS, app


# --8<-- [start:broken]
def test_first_order():
    response = app.test_client().post("/orders", data={"sku": "pen"})
    assert response.json == {"count": 1}


def test_another_first_order():  # passes alone, fails after the one above
    response = app.test_client().post("/orders", data={"sku": "ink"})
    assert response.json == {"count": 1}
# --8<-- [end:broken]


def teardown_module():
    ORDERS.clear()
