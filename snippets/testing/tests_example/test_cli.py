"""`flask create-user`, run in-process with the app's CLI runner."""

from journal.models import User, db


# --8<-- [start:cli]
def test_create_user(app, runner):
    args = ["create-user", "grace", "--password", "hopper"]
    result = runner.invoke(args=args)
    assert result.exit_code == 0
    assert result.output == "Created grace\n"
    with app.app_context():
        query = db.select(User).filter_by(username="grace")
        grace = db.session.execute(query).scalar_one()
        assert grace.check_password("hopper")


def test_create_user_refuses_a_duplicate(runner):
    # the password is prompted for twice
    result = runner.invoke(args=["create-user", "ada"], input="pw\npw\n")
    assert result.exit_code == 1
    assert "Error: 'ada' already exists" in result.output
# --8<-- [end:cli]
