"""`flask create-user NAME`: the CLI command the example tests invoke."""

import click
from flask.cli import with_appcontext

from .models import User, db


# --8<-- [start:command]
# the function name create_user becomes the command "create-user"
@click.command()
@click.argument("username")
@click.password_option()
# `flask` pushes a context anyway; app.test_cli_runner() does not
@with_appcontext
def create_user(username, password):
    """Add a user who can log in."""
    query = db.select(User).filter_by(username=username)
    if db.session.execute(query).scalar():
        raise click.ClickException(f"{username!r} already exists")
    user = User(username=username)
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    click.echo(f"Created {username}")
# --8<-- [end:command]
