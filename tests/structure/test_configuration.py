import json
import os
from unittest import mock

from flask import Config, Flask

from snippets.structure.config_sources import (
    ENVIRONMENT,
    from_environment,
    from_files,
    from_object_with_a_dict,
    show_environment,
    show_files,
)


def test_from_file_with_json_then_toml_later_wins():
    loaded = from_files()
    assert loaded["after JSON"] == {"SHOP_NAME": "Field Shop (from JSON)", "PRODUCTS_PER_PAGE": 50}
    assert loaded["lowercase key loaded"] is False  # from_mapping keeps UPPERCASE keys only
    assert loaded["after TOML"] == {"SHOP_NAME": "Field Shop (from TOML)", "PRODUCTS_PER_PAGE": 25,
                                    "SQLALCHEMY_ENGINE_OPTIONS": {"pool_size": 10}}
    assert json.loads(show_files()) == loaded


def test_from_prefixed_env_parses_json_and_nests_on_double_underscore():
    assert from_environment() == {
        "MAX_CONTENT_LENGTH": 1048576, "SESSION_COOKIE_SECURE": True,
        "ADMINS": ["ada@example.test"], "SECRET_KEY": "k3y-from-the-vault",
        "API_PIN": "0042", "API_TOKEN": 12345,
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_size": 20}}
    assert "API_TOKEN                  12345                    int" in show_environment()


def test_loads_str_keeps_every_value_a_string():
    app = Flask(__name__)
    with mock.patch.dict(os.environ, ENVIRONMENT):
        app.config.from_prefixed_env(loads=str)
    assert app.config["API_TOKEN"] == "12345" and app.config["MAX_CONTENT_LENGTH"] == "1048576"


def test_from_prefixed_env_with_a_custom_prefix_ignores_flask_variables():
    app = Flask(__name__)
    with mock.patch.dict(os.environ, {"SHOP_SECRET_KEY": "s", "FLASK_SECRET_KEY": "f"}):
        app.config.from_prefixed_env("SHOP")
    assert app.config["SECRET_KEY"] == "s"


def test_from_json_and_flask_env_are_gone():
    assert not hasattr(Config, "from_json")  # removed in 2.1.0
    app = Flask(__name__)
    assert "ENV" not in app.config and not hasattr(app, "env")  # removed in 2.3.0
    with mock.patch.dict(os.environ, {"FLASK_ENV": "development"}):
        assert Flask(__name__).debug is False


def test_from_object_loads_uppercase_attributes_only():
    class Settings:
        SHOP_NAME = "x"
        helper = "not loaded"
    app = Flask(__name__)
    app.config.from_object(Settings)
    assert app.config["SHOP_NAME"] == "x" and "helper" not in app.config


def test_default_instance_folder_is_next_to_the_top_level_package(monkeypatch):
    from pathlib import Path

    from snippets.structure.shop import create_app
    monkeypatch.delenv("SHOP_INSTANCE_PATH", raising=False)
    monkeypatch.delenv("SHOP_ENV", raising=False)
    app = create_app({"SECRET_KEY": "k", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    root = Path(__file__).resolve().parents[2]
    assert app.instance_path == str(root / "instance")  # beside `snippets/`, not inside shop/
    assert app.config.root_path == app.instance_path  # instance_relative_config=True
    assert not (root / "instance").exists()  # Flask never creates it for you


def test_a_relative_instance_path_is_refused():
    import pytest
    with pytest.raises(ValueError, match="must be absolute"):
        Flask(__name__, instance_path="instance")


def test_default_prefix_also_loads_flask_app_and_flask_debug():
    app = Flask(__name__)
    with mock.patch.dict(os.environ, {"FLASK_APP": "shop", "FLASK_DEBUG": "1"}):
        app.config.from_prefixed_env()
    assert app.config["APP"] == "shop" and app.config["DEBUG"] == 1


def test_production_without_a_secret_for_the_page(monkeypatch, tmp_path):
    from snippets.structure.shop_demo import production_without_a_secret
    monkeypatch.setenv("SHOP_INSTANCE_PATH", str(tmp_path))
    monkeypatch.setenv("SHOP_SECRET_KEY", "set-in-the-shell")  # the function ignores it
    assert production_without_a_secret() == (
        "RuntimeError: SECRET_KEY is not set: put it in instance/config.py or in the "
        "SHOP_SECRET_KEY environment variable.")
    assert os.environ["SHOP_SECRET_KEY"] == "set-in-the-shell"


def test_from_object_takes_an_import_string_but_not_a_dict_and_reads_properties_on_instances():
    app = Flask(__name__)
    app.config.from_object("snippets.structure.shop.config.TestingConfig")
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "sqlite://" and app.config["TESTING"] is True

    app = Flask(__name__)
    app.config.from_object({"SHOP_NAME": "from a dict"})  # no error, nothing loaded
    assert "SHOP_NAME" not in app.config

    class Computed:
        @property
        def DATABASE_URI(self):
            return "sqlite:///computed.db"

    on_class, on_instance = Flask(__name__), Flask(__name__)
    on_class.config.from_object(Computed)
    on_instance.config.from_object(Computed())
    assert isinstance(on_class.config["DATABASE_URI"], property)
    assert on_instance.config["DATABASE_URI"] == "sqlite:///computed.db"


def test_flask_sqlalchemy_creates_the_instance_folder_for_a_relative_sqlite_path(
        monkeypatch, tmp_path):
    from snippets.structure.shop import create_app
    instance = tmp_path / "instance"
    monkeypatch.setenv("SHOP_INSTANCE_PATH", str(instance))
    monkeypatch.setenv("SHOP_ENV", "production")  # sqlite:///shop.db, a relative path
    monkeypatch.setenv("SHOP_SECRET_KEY", "k")
    Flask(__name__, instance_path=str(instance), instance_relative_config=True)
    assert not instance.exists()  # Flask alone never creates it
    create_app()
    assert instance.is_dir()  # db.init_app created it


def test_from_object_with_a_dict_raises_nothing_and_loads_nothing():
    # Config.from_object reads `dir(obj)`: a dict's keys are not attributes, so nothing matches.
    assert from_object_with_a_dict() == "'SHOP_NAME' in app.config: False"
