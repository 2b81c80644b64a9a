from shop import app


# --8<-- [start:broken]
def test_home():
    assert app.test_client().get("/").text == "home"


def test_a_route_added_for_this_test():
    app.add_url_rule("/ping", "ping", lambda: "pong")  # too late: see above
# --8<-- [end:broken]
