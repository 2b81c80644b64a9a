"""`flask shell`: what its namespace holds, a shell_context_processor, a
session; .env files.
"""

import inspect
import os
import tempfile
from pathlib import Path
from unittest import mock

from click.testing import CliRunner
from flask.cli import cli

from .shop import create_app
from .shop.extensions import db
from .shop.models import Product
from .shop_demo import TEST_CONFIG

ROOT = Path(__file__).resolve().parents[2]


# --8<-- [start:processor]
def create_shell_app():
    # Flask-SQLAlchemy's init_app already added db and the models
    app = create_app(TEST_CONFIG)

    @app.shell_context_processor
    # runs when `flask shell` starts, inside the app context
    def shop_helpers():
        def product_names():
            return db.session.scalars(db.select(Product.name)).all()

        return {"product_names": product_names}

    return app


# --8<-- [end:processor]


def namespace():
    app = create_shell_app()
    with app.app_context():
        shown = {
            name: f"<function {value.__name__}>"
            if inspect.isfunction(value)
            else repr(value)
            # no memory addresses
            for name, value in app.make_shell_context().items()
        }
    return "\n".join(
        f"{name:14} {value}" for name, value in sorted(shown.items())
    )


# --8<-- [start:session]
LINES = [
    "db.create_all()",
    'db.session.add(Product(name="Teapot")); db.session.commit()',
    "product_names()",
    "g, app.name",
]


def shell_session():
    app = create_shell_app()
    result = app.test_cli_runner().invoke(
        cli, ["shell"], input="\n".join(LINES) + "\n"
    )
    return result.output  # code.interact read the lines from the runner's stdin


# --8<-- [end:session]


def transcript():
    """The session as a terminal shows it: each prompt followed by the line
    typed there.
    """
    output = shell_session().replace(str(ROOT), ".")
    banner, *answers = output.split(">>> ")
    shown = ["$ flask --app shop shell", banner.rstrip()]
    for typed, answer in zip(LINES, answers):
        shown.append(f">>> {typed}")
        shown += [line for line in answer.splitlines() if line]
    return "\n".join(shown)


# --8<-- [start:dotenv]
def flask_in(folder, *args, **env):
    """Run `flask ...` in `folder`, which holds a .flaskenv, with these
    environment variables.
    """
    (Path(folder) / ".flaskenv").write_text(
        "FLASK_APP=snippets.structure.shop\n"
    )
    (Path(folder) / "local.env").write_text("SHOP_ENV=development\n")
    back = os.getcwd()
    with mock.patch.dict(os.environ, env):
        os.environ.pop("FLASK_APP", None)
        os.chdir(folder)
        try:
            return CliRunner().invoke(cli, list(args))
        finally:
            os.chdir(back)


# --8<-- [end:dotenv]


def dotenv_session():
    with tempfile.TemporaryDirectory() as folder:
        listed = flask_in(folder, "--help").output.splitlines()
        env_file = flask_in(folder, "--env-file", "local.env", "routes")
    return "\n".join(
        [
            "$ ls -A",
            ".flaskenv  local.env",
            "$ flask --help",
            *listed[:2],
            "...",
            "$ flask --env-file local.env routes",
            env_file.output.splitlines()[-1],
            f"(exit code {env_file.exit_code})",
        ]
    )
