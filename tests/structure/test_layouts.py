import urllib.request

from werkzeug.test import Client

from snippets.structure.dispatch import create_application, walk
from tests.servers import gunicorn


def test_each_mounted_app_keeps_its_own_routes_errors_and_sessions():
    client = Client(create_application())
    admin = client.get("/admin/")
    assert admin.json == {"app": "admin", "script_root": "/admin", "self": "/admin/", "visits": 1}
    cookie = admin.headers["Set-Cookie"]
    assert cookie.startswith("admin_session=") and "Path=/admin" in cookie
    assert client.get("/admin/").json["visits"] == 2
    assert client.get("/admin/link-to-site").json == {
        "error": "the admin app cannot build URLs of the site app"}
    assert client.get("/api/v1/users/1").json == {"id": 1, "name": "Ada Lovelace"}
    admin_404 = client.get("/admin/api/v1/users/1")  # the admin app has no API
    assert admin_404.status_code == 404 and admin_404.mimetype == "text/html"
    assert client.get("/").get_data(as_text=True) == "<h1>Home</h1>"


def test_walk_for_the_page():
    lines = walk().splitlines()
    assert lines[0] == "GET /                     200 OK         text/html"
    assert lines[3].endswith('"visits":2}')
    assert lines[-1] == "GET /nope                 404 NOT FOUND  text/html"


def test_gunicorn_serves_the_dispatcher(tmp_path):
    with gunicorn("snippets.structure.dispatch:application", tmp_path) as url:
        with urllib.request.urlopen(f"{url}/admin/") as response:
            assert response.status == 200
            assert b'"script_root":"/admin"' in response.read()
        with urllib.request.urlopen(f"{url}/api/v2/users/2") as response:
            assert b'"first_name":"Grace"' in response.read()


def test_find_packages_skips_directories_without_init_py():
    from pathlib import Path

    from setuptools import find_packages
    where = Path(__file__).resolve().parents[2] / "snippets/structure"
    found = set(find_packages(where=str(where)))
    assert {"shop", "shop.catalog", "versioned_api"} <= found
    assert "no_init" not in found and "discovery" not in found
