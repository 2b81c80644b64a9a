import importlib
import sys

import pytest
from flask import Flask

from snippets.structure.circular_fixed import create_app as create_fixed_app
from snippets.structure.shop import create_app
from snippets.structure.shop.extensions import db
from snippets.structure.shop.models import Product
from snippets.structure.shop_demo import TEST_CONFIG, seeded_app, transcript

BROKEN = "snippets.structure.circular_broken"


@pytest.fixture(autouse=True)
def clean_shop_environment(monkeypatch, tmp_path):
    for name in ("SHOP_ENV", "SHOP_SECRET_KEY", "SHOP_SQLALCHEMY_DATABASE_URI"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SHOP_INSTANCE_PATH", str(tmp_path))  # never the repository
    return tmp_path


def test_factory_builds_independent_apps_from_one_extension_object():
    first = create_app(TEST_CONFIG)
    second = create_app({**TEST_CONFIG, "SHOP_NAME": "Second Shop"})
    assert first is not second
    assert first.extensions["sqlalchemy"] is db is second.extensions["sqlalchemy"]
    with first.app_context():
        db.create_all()
        db.session.add(Product(name="Only in the first"))
        db.session.commit()
    with second.app_context():
        db.create_all()
        assert db.session.scalars(db.select(Product)).all() == []  # its own engine
    assert "Only in the first" in first.test_client().get("/").text
    assert "<h1>Second Shop</h1>" in second.test_client().get("/").text


def test_the_page_sees_seeded_products_through_the_catalog_blueprint():
    text = seeded_app().test_client().get("/").text
    assert text == "<h1>Field Shop</h1>\n<ul>\n  <li>Kettle</li>\n  <li>Teapot</li>\n</ul>"
    assert transcript().splitlines()[-1] == "2 products"


def test_empty_catalog_renders_the_else_branch():
    app = create_app(TEST_CONFIG)
    with app.app_context():
        db.create_all()
    assert "<li>No products yet.</li>" in app.test_client().get("/").text


def test_production_refuses_to_start_without_a_secret_key():
    with pytest.raises(RuntimeError, match="SECRET_KEY is not set"):
        create_app()


def test_secret_key_from_the_environment_or_the_instance_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("SHOP_SECRET_KEY", "from-env")
    assert create_app().config["SECRET_KEY"] == "from-env"
    monkeypatch.delenv("SHOP_SECRET_KEY")
    (tmp_path / "config.py").write_text("SECRET_KEY = 'from-instance'\nPRODUCTS_PER_PAGE = 5\n")
    app = create_app()
    assert app.instance_path == str(tmp_path)
    assert app.config["SECRET_KEY"] == "from-instance"
    assert app.config["PRODUCTS_PER_PAGE"] == 5
    monkeypatch.setenv("SHOP_SECRET_KEY", "env-wins")  # loaded after the instance file
    assert create_app().config["SECRET_KEY"] == "env-wins"


def test_environment_selects_the_config_class(monkeypatch):
    monkeypatch.setenv("SHOP_ENV", "development")
    dev = create_app()
    assert dev.config["SECRET_KEY"] == "dev" and not dev.config["SESSION_COOKIE_SECURE"]
    monkeypatch.setenv("SHOP_ENV", "testing")
    testing = create_app()
    assert testing.testing and testing.config["SQLALCHEMY_DATABASE_URI"] == "sqlite://"
    monkeypatch.setenv("SHOP_ENV", "production")
    monkeypatch.setenv("SHOP_SECRET_KEY", "k")
    production = create_app()
    assert production.config["SESSION_COOKIE_SECURE"] is True
    assert production.config["SQLALCHEMY_DATABASE_URI"] == "sqlite:///shop.db"


def test_test_config_overrides_everything(monkeypatch):
    monkeypatch.setenv("SHOP_SECRET_KEY", "from-env")
    assert create_app({"SECRET_KEY": "from-test"}).config["SECRET_KEY"] == "from-test"


def test_circular_import_fails_in_either_order(monkeypatch):
    for first in ("app", "views"):
        for name in [m for m in sys.modules if m.startswith(BROKEN)]:
            monkeypatch.delitem(sys.modules, name)
        with pytest.raises(ImportError, match="partially initialized module") as error:
            importlib.import_module(f"{BROKEN}.{first}")
        assert "most likely due to a circular import" in str(error.value)


def test_each_half_of_the_cycle_is_fine_on_its_own(monkeypatch):
    # The code is not wrong; the import graph is. Give each module the other half
    # ready-made and it runs.
    import types
    for name in [m for m in sys.modules if m.startswith(BROKEN)]:
        monkeypatch.delitem(sys.modules, name)
    stand_in = types.ModuleType(f"{BROKEN}.app")
    stand_in.app = Flask(__name__)
    stand_in.app.config["GREETING"] = "Hi"
    monkeypatch.setitem(sys.modules, f"{BROKEN}.app", stand_in)
    views = importlib.import_module(f"{BROKEN}.views")
    with stand_in.app.app_context():
        assert views.index() == "Hi"
    monkeypatch.delitem(sys.modules, f"{BROKEN}.app")
    app_module = importlib.import_module(f"{BROKEN}.app")  # views is already loaded now
    assert app_module.app.view_functions["index"] is views.index
    assert app_module.app.config["GREETING"] == "Hello"


def test_the_fix_imports_cleanly_and_uses_current_app():
    for name in [m for m in sys.modules if m.startswith("snippets.structure.circular_fixed")]:
        del sys.modules[name]
    fixed = importlib.import_module("snippets.structure.circular_fixed")
    app = fixed.create_app()
    assert app.test_client().get("/").text == "Hello"
    app.config["GREETING"] = "Bonjour"
    assert app.test_client().get("/").text == "Bonjour"
    assert create_fixed_app().test_client().get("/").text == "Hello"  # a new app, new config


def test_a_directory_without_init_py_is_a_namespace_package():
    from snippets.structure.no_init import hello
    package = sys.modules["snippets.structure.no_init"]
    assert package.__file__ is None  # no __init__.py behind it
    assert type(package.__path__).__name__ == "_NamespacePath"
    assert hello.app.test_client().get("/").json == {
        "module": "snippets.structure.no_init.hello", "package": "snippets.structure.no_init"}
    assert sys.modules["snippets"].__file__ is None  # the whole guide is one


def test_the_page_shows_the_import_error():
    from snippets.structure.circular_demo import import_broken_app
    assert import_broken_app() == (
        "ImportError: cannot import name 'app' from partially initialized module "
        "'snippets.structure.circular_broken.app' (most likely due to a circular import) "
        "(snippets/structure/circular_broken/app.py)")


def test_config_lives_on_the_app_not_in_a_context():
    from flask import current_app
    app = create_app(TEST_CONFIG)
    assert app.config["SHOP_NAME"] == "Field Shop"  # no context pushed anywhere
    with pytest.raises(RuntimeError, match="Working outside of application context"):
        current_app.config
    with app.app_context():
        assert current_app.config is app.config  # the context only points at the app
