from flask import Flask

from shop import app as shop


# --8<-- [start:broken]
def test_logged_in_dashboard():
    app = Flask(__name__)  # a test app without SECRET_KEY
    client = app.test_client()
    with client.session_transaction() as session:  # raises here
        session["user"] = "ada"  # pragma: no cover (never runs)
# --8<-- [end:broken]


# --8<-- [start:fixed]
def test_logged_in_dashboard_with_a_key():
    client = shop.test_client()  # shop sets SECRET_KEY
    with client.session_transaction() as session:
        session["user"] = "ada"
    assert client.get("/dashboard").text == "dashboard of ada"
# --8<-- [end:fixed]
