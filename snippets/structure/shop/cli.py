"""Commands the factory adds to app.cli. Each one runs inside an app context."""

# --8<-- [start:commands]
import click
from flask.cli import with_appcontext

from .extensions import db
from .models import User


@click.command()  # no name given: Click derives it from the function, "init-db"
@with_appcontext  # see "Where the app context comes from"
def init_db():
    """Create the tables."""
    db.create_all()  # needs an app context
    click.echo("tables created")


@click.command()  # "create-users": underscores become dashes
@click.argument("emails", nargs=-1, required=True)
@with_appcontext
def create_users(emails):
    """Create one user per e-mail address."""
    db.session.add_all(User(email=email) for email in emails)
    db.session.commit()
    click.echo(f"{len(emails)} users created")


# --8<-- [end:commands]


# --8<-- [start:plugin]
@click.command("shop-version")
def version():
    """Print the installed shop's version.

    Declared as a `flask.commands` entry point.
    """
    from importlib.metadata import PackageNotFoundError, version as installed

    try:
        # read from the wheel's metadata, no app needed
        click.echo(f"shop {installed('shop')}")
    except PackageNotFoundError:
        click.echo("shop is not installed (running from a source tree)")


# --8<-- [end:plugin]
