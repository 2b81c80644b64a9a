"""Drive the shop package the way a developer would, for the pages: a test
config, a CLI session.
"""

import os
from unittest import mock

from .shop import create_app

TEST_CONFIG = {
    "TESTING": True,
    "SECRET_KEY": "demo",
    "SQLALCHEMY_DATABASE_URI": "sqlite://",
}


# --8<-- [start:session]
def cli_session():
    app = create_app(TEST_CONFIG)
    # invokes app.cli with this app, no --app needed
    runner = app.test_cli_runner()
    lines = []
    for args in (
        ["init-db"],
        ["create-users", "ada@example.test", "grace@example.test"],
        ["catalog", "seed"],
    ):
        result = runner.invoke(args=args)
        lines.append(
            f"$ flask --app shop {' '.join(args)}\n{result.output.rstrip()}"
        )
    return "\n".join(lines), app


# --8<-- [end:session]


def transcript():
    return cli_session()[0]


def seeded_app():
    return cli_session()[1]


# --8<-- [start:no-secret]
def production_without_a_secret():
    with mock.patch.dict(os.environ, {"SHOP_ENV": "production"}):
        os.environ.pop("SHOP_SECRET_KEY", None)
        try:
            create_app()
        except RuntimeError as error:
            return f"RuntimeError: {error}"


# --8<-- [end:no-secret]
