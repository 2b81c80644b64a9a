"""Every way to fill app.config in Flask 3.1, and what each one does to types
and keys.
"""

import json
import os
import tomllib
from pathlib import Path
from unittest import mock

from flask import Flask

HERE = Path(__file__).parent


# --8<-- [start:files]
def from_files():
    # relative file names start at root_path
    app = Flask(__name__, root_path=HERE)
    app.config.from_file("settings/defaults.json", load=json.load)
    after_json = {k: app.config[k] for k in ("SHOP_NAME", "PRODUCTS_PER_PAGE")}
    # binary
    app.config.from_file(
        "settings/defaults.toml", load=tomllib.load, text=False
    )
    return {
        "after JSON": after_json,
        "lowercase key loaded": "lowercase_keys" in app.config,
        "after TOML": {
            k: app.config[k]
            for k in (
                "SHOP_NAME",
                "PRODUCTS_PER_PAGE",
                "SQLALCHEMY_ENGINE_OPTIONS",
            )
        },
    }


# --8<-- [end:files]


def show_files():
    return json.dumps(from_files(), indent=2)


# --8<-- [start:dict]
def from_object_with_a_dict():
    app = Flask(__name__)
    app.config.from_object({"SHOP_NAME": "Field Shop"})  # raises nothing...
    # ...and loads nothing
    return f"'SHOP_NAME' in app.config: {'SHOP_NAME' in app.config}"


# --8<-- [end:dict]


# --8<-- [start:env]
ENVIRONMENT = {
    "FLASK_MAX_CONTENT_LENGTH": "1048576",  # JSON number -> int
    "FLASK_SESSION_COOKIE_SECURE": "true",  # JSON true -> bool
    "FLASK_ADMINS": '["ada@example.test"]',  # JSON array -> list
    "FLASK_SECRET_KEY": "k3y-from-the-vault",  # not JSON -> stays a str
    # not valid JSON either -> "0042"
    "FLASK_API_PIN": "0042",
    # valid JSON -> the int 12345!
    "FLASK_API_TOKEN": "12345",
    # "__" nests; case is kept
    "FLASK_SQLALCHEMY_ENGINE_OPTIONS__pool_size": "20",
}


def from_environment():
    app = Flask(__name__)
    with mock.patch.dict(os.environ, ENVIRONMENT):
        app.config.from_prefixed_env()  # prefix "FLASK" by default
    return {
        key: app.config[key]
        for key in (
            "MAX_CONTENT_LENGTH",
            "SESSION_COOKIE_SECURE",
            "ADMINS",
            "SECRET_KEY",
            "API_PIN",
            "API_TOKEN",
            "SQLALCHEMY_ENGINE_OPTIONS",
        )
    }


# --8<-- [end:env]


def show_environment():
    return "\n".join(
        f"{key:<26} {value!r:<24} {type(value).__name__}"
        for key, value in from_environment().items()
    )
