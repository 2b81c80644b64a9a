"""What `pip install Flask` brings with it, read from the installed packages."""

import re
from importlib.metadata import PackageNotFoundError, requires, version

from click.testing import CliRunner
from flask import Flask, Request, signals
from flask.cli import cli


# --8<-- [start:requirements]
def flask_requirements():
    """Flask's declared dependencies and the installed version of each."""
    lines = []
    for requirement in requires("flask"):
        name = re.match(r"[\w.-]+", requirement).group()
        spec, _, marker = (part.strip() for part in requirement.partition(";"))
        if "python_version" in marker:
            continue  # a backport for old Pythons only
        try:
            installed = version(name)
        except PackageNotFoundError:
            installed = "not installed"
        extra = re.search(r'extra == "(\w+)"', marker)
        kind = f'only with flask[{extra.group(1)}]' if extra else "always"
        lines.append(f"{spec:<22} {kind:<24} installed: {installed}")
    return "\n".join(lines)
# --8<-- [end:requirements]


# --8<-- [start:who-does-what]
def _base_from(obj, package):
    """The first class in obj's MRO that comes from `package`."""
    cls = obj if isinstance(obj, type) else type(obj)
    for base in cls.__mro__:
        if base.__module__.split(".")[0] == package:
            return f"{base.__module__}.{base.__qualname__}"
    return f"nothing from {package}"


def who_does_what():
    """Which library each part of a Flask app really is."""
    app = Flask("shop")
    app.secret_key = "only-for-this-demo"
    parts = [
        ("flask.Request", Request, "werkzeug"),
        ("app.url_map", app.url_map, "werkzeug"),
        ("app.jinja_env", app.jinja_env, "jinja2"),
        ("app.cli", app.cli, "click"),
        ("flask.signals.request_started", signals.request_started, "blinker"),
        (
            "session signer",
            app.session_interface.get_signing_serializer(app),
            "itsdangerous",
        ),
    ]
    return "\n".join(
        f"{name:<31} <- {_base_from(obj, package)}"
        for name, obj, package in parts
    )
# --8<-- [end:who-does-what]


def flask_version():
    """What `flask --version` prints."""
    # env: the flask command sets FLASK_RUN_FROM_CLI; CliRunner puts it back.
    env = {"FLASK_RUN_FROM_CLI": None}
    return CliRunner().invoke(cli, ["--version"], env=env).output
