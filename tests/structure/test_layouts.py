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


def _build_shop(tmp_path, *, catalog_init=True, manifest=None, package_data=False, setup_py=None):
    """Build a copy of the shop with setuptools' build_py; return the files it put in the build."""
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    project = tmp_path / "project"
    shop = Path(__file__).resolve().parents[2] / "snippets/structure/shop"
    shutil.copytree(shop, project / "shop", ignore=shutil.ignore_patterns("__pycache__"))
    if not catalog_init:
        (project / "shop/catalog/__init__.py").unlink()
    pyproject = ('[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n'
                 '[project]\nname = "shop"\nversion = "1.0"\n')
    if package_data:
        pyproject += '[tool.setuptools.package-data]\n"shop.catalog" = ["templates/**/*.html"]\n'
    (project / "pyproject.toml").write_text(pyproject)
    if manifest:
        (project / "MANIFEST.in").write_text(manifest)
    setup = setup_py or "from setuptools import setup; setup()"
    subprocess.run([sys.executable, "-c", setup, "-q", "build_py"], cwd=project, check=True,
                   capture_output=True, timeout=120)
    lib = project / "build/lib"
    return {path.relative_to(lib).as_posix() for path in lib.rglob("*") if path.is_file()}


def test_a_pyproject_build_keeps_a_subpackage_without_init_py(tmp_path):
    built = _build_shop(tmp_path, catalog_init=False)
    assert "shop/catalog/views.py" in built  # automatic discovery includes namespace packages


def test_only_a_setup_py_with_find_packages_drops_the_folder_without_init_py(tmp_path):
    built = _build_shop(tmp_path, catalog_init=False,
                        setup_py="from setuptools import find_packages, setup; setup(packages=find_packages())")
    assert "shop/models.py" in built and "shop/catalog/views.py" not in built


def test_templates_reach_the_build_only_when_something_lists_them(tmp_path):
    template = "shop/catalog/templates/catalog/index.html"
    assert template not in _build_shop(tmp_path / "plain")
    assert template in _build_shop(tmp_path / "manifest", manifest="graft shop/catalog/templates\n")
    assert template in _build_shop(tmp_path / "package_data", package_data=True)
