"""The journal app with an in-memory database, for the redirect the test
client page shows."""

from snippets.testing.journal import create_app


def journal_app():
    return create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://"})
