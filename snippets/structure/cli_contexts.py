"""Where a command's app context comes from: app.cli, with_appcontext, AppGroup,
a custom script.
"""

import os
from unittest import mock

import click
from click.testing import CliRunner
from flask import current_app
from flask.cli import AppGroup, FlaskGroup, with_appcontext

from .circular_fixed import create_app

# --8<-- [start:groups]
plain = click.Group("plain")  # a Click group: pushes nothing


@plain.command()
def greeting():
    click.echo(current_app.config["GREETING"])


@plain.command("greeting-with-context")
@with_appcontext  # loads the app and pushes its context first
def greeting_with_context():
    click.echo(current_app.config["GREETING"])


tools = AppGroup("tools")  # AppGroup.command applies with_appcontext for you


@tools.command("greeting")
def tools_greeting():
    click.echo(current_app.config["GREETING"])


# --8<-- [end:groups]


# --8<-- [start:script]
@click.group(cls=FlaskGroup, create_app=create_app)
def manage():
    """The app's own script: `python manage.py <command>`, not `flask --app`."""


manage.add_command(plain)
manage.add_command(tools)
# --8<-- [end:script]


def session():
    lines = []
    # FlaskGroup sets FLASK_RUN_FROM_CLI; keep it here
    with mock.patch.dict(os.environ):
        for args in (
            ["plain", "greeting"],
            ["plain", "greeting-with-context"],
            ["tools", "greeting"],
        ):
            result = CliRunner().invoke(manage, args)
            shown = (
                result.output.strip()
                or f"{type(result.exception).__name__}: "
                f"{str(result.exception).splitlines()[0]}"
            )
            lines.append(f"$ python manage.py {' '.join(args)}\n{shown}")
    return "\n".join(lines)
