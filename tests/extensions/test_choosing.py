"""Initialisation order between extensions: after_request hooks run in reverse, error handlers replace."""

import pytest

from snippets.extensions.choosing_conflicts import (
    PoliteCaching,
    PrivateAccount,
    PublicCaching,
    create_app,
    trace,
)


def test_the_first_extension_initialised_runs_its_after_request_last_and_wins():
    client = create_app(PrivateAccount(), PublicCaching()).test_client()
    assert client.get("/account/").headers["Cache-Control"] == "private, no-store"


def test_the_other_order_leaks_a_private_page_to_shared_caches():
    client = create_app(PublicCaching(), PrivateAccount()).test_client()
    response = client.get("/account/")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "public, max-age=60"


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_the_polite_version_gives_the_same_header_in_either_order(order):
    extensions = [PoliteCaching(), PrivateAccount()]
    client = create_app(*(extensions[i] for i in order)).test_client()
    assert client.get("/account/").headers["Cache-Control"] == "private, no-store"


def test_polite_caching_still_fills_the_header_in_elsewhere():
    client = create_app(PoliteCaching(), PrivateAccount()).test_client()
    response = client.get("/missing")
    assert response.status_code == 404
    assert response.headers["Cache-Control"] == "public, max-age=60"


def test_the_last_error_handler_registered_replaces_the_first_without_a_warning():
    first = create_app(PrivateAccount(), PublicCaching()).test_client().get("/nope")
    second = create_app(PublicCaching(), PrivateAccount()).test_client().get("/nope")
    assert (first.status_code, first.json["handled_by"]) == (404, "PublicCaching")
    assert (second.status_code, second.json["handled_by"]) == (404, "PrivateAccount")


def test_the_trace_on_the_page():
    lines = trace().splitlines()
    assert lines[1].endswith("Cache-Control: private, no-store")
    assert lines[4].endswith("Cache-Control: public, max-age=60")
    assert lines[7].endswith("Cache-Control: private, no-store")
    assert lines[8].endswith("handled by PrivateAccount")


def test_the_versions_in_the_table_are_the_ones_tested():
    from importlib.metadata import version

    assert {name: version(name) for name in [
        "Flask-SQLAlchemy", "Flask-Migrate", "Flask-WTF", "Flask-Login", "Flask-JWT-Extended",
        "flask-smorest", "Flask-Caching", "Flask-Limiter", "flask-cors", "Flask-SocketIO",
    ]} == {
        "Flask-SQLAlchemy": "3.1.1", "Flask-Migrate": "4.1.0", "Flask-WTF": "1.3.0",
        "Flask-Login": "0.6.3", "Flask-JWT-Extended": "4.7.4", "flask-smorest": "0.47.0",
        "Flask-Caching": "2.5.1", "Flask-Limiter": "4.1.1", "flask-cors": "6.0.5",
        "Flask-SocketIO": "5.7.0",
    }


def test_config_set_after_init_app_is_never_read(tmp_path):
    from snippets.extensions.sqlalchemy_config import db, make_app

    app = make_app(tmp_path, SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'first.db'}")
    app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{tmp_path / 'second.db'}"  # too late
    with app.app_context():
        assert db.engine.url.database == str(tmp_path / "first.db")
