"""The shop built into a wheel with its real pyproject.toml, installed, and run from the install."""

import zipfile

from click.testing import CliRunner
from flask.cli import cli

from snippets.structure import packaging
from snippets.structure.shop.cli import version

TEMPLATE = "shop/catalog/templates/catalog/index.html"


def test_the_wheel_carries_templates_static_files_and_the_entry_point():
    name, files, *_ = packaging.wheel_and_run(package_data=True)
    assert name == "shop-1.0.0-py3-none-any.whl"
    assert {TEMPLATE, "shop/static/shop.css", "shop/catalog/views.py",
            "shop-1.0.0.dist-info/entry_points.txt"} <= set(files)


def test_the_installed_wheel_runs_outside_the_source_tree():
    *_, result, log, _ = packaging.wheel_and_run(package_data=True)
    assert result["shop imported from"].startswith("<venv>/lib/python3.")
    assert result["shop imported from"].endswith("/site-packages/shop/__init__.py")
    assert result["instance folder"] == "<venv>/var/shop-instance"  # not ./instance: installed
    assert result["GET /"] == "200 OK" and result["GET /static/shop.css"] == "200 OK"
    assert "TemplateNotFound" not in log


def test_without_package_data_the_installed_app_fails_on_its_first_page():
    _, files, result, log, _ = packaging.wheel_and_run(package_data=False)
    assert TEMPLATE not in files and "shop/static/shop.css" not in files
    assert "shop/catalog/views.py" in files  # the Python modules are all there
    assert result["GET /"] == "500 INTERNAL SERVER ERROR"
    assert result["GET /static/shop.css"] == "404 NOT FOUND"
    assert "jinja2.exceptions.TemplateNotFound: catalog/index.html" in log


def test_packages_find_include_keeps_tests_and_instance_out(tmp_path):
    project = packaging.stage(tmp_path)
    for extra in ("tests/__init__.py", "tests/test_shop.py", "instance/config.py", "scripts/seed.py"):
        (project / extra).parent.mkdir(exist_ok=True)
        (project / extra).write_text("")
    files = zipfile.ZipFile(packaging.build_wheel(project, tmp_path / "dist")).namelist()
    assert {path.split("/")[0] for path in files} == {"shop", "shop-1.0.0.dist-info"}


def test_automatic_discovery_refuses_a_flat_layout_with_migrations_and_instance():
    assert packaging.flat_layout_error() == ("error: Multiple top-level packages discovered in a "
                                             "flat-layout: ['shop', 'instance', 'migrations'].")


def test_a_flask_commands_entry_point_reaches_every_flask_once_installed():
    *_, plugin = packaging.wheel_and_run(package_data=True)
    assert plugin[("shop-version",)] == "shop 1.0.0\n"  # no --app, no app found: still runs
    assert "shop-version  Print the installed shop's version." in plugin[("--help",)]
    # From the source tree the shop is not installed: no entry point, so no such command.
    assert "shop-version" not in CliRunner().invoke(cli, ["--help"]).output
    assert CliRunner().invoke(version).output == "shop is not installed (running from a source tree)\n"


def test_page_outputs():
    assert packaging.wheel_contents().splitlines()[0] == "$ unzip -Z1 dist/shop-1.0.0-py3-none-any.whl"
    runs = packaging.installed_runs()
    assert "    logged: jinja2.exceptions.TemplateNotFound: catalog/index.html" in runs
    session = packaging.plugin_session().splitlines()
    assert session[:2] == ["$ flask shop-version", "shop 1.0.0"]
    assert any(line.split()[0] == "shop-version" for line in session[3:])


def test_packages_find_in_pyproject_keeps_a_folder_without_init_py(tmp_path):
    project = packaging.stage(tmp_path)
    (project / "shop/catalog/__init__.py").unlink()  # namespaces = true is the pyproject default
    files = zipfile.ZipFile(packaging.build_wheel(project, tmp_path / "dist")).namelist()
    assert "shop/catalog/views.py" in files and TEMPLATE in files
