"""`flask create-user NAME`: the CLI command the example tests invoke."""

import click
from flask.cli import with_appcontext

from .models import User, db


# --8<-- [start:command]
@click.command()  # the function name create_user becomes the command "create-user"
@click.argument("username")
@click.password_option()
@with_appcontext  # `flask` pushes a context anyway; app.test_cli_runner() does not
def create_user(username, password):
    """Add a user who can log in."""
    if db.session.execute(db.select(User).filter_by(username=username)).scalar():
        raise click.ClickException(f"{username!r} already exists")
    user = User(username=username)
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    click.echo(f"Created {username}")
# --8<-- [end:command]
