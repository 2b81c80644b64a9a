# --8<-- [start:views]
from snippets.troubleshooting.circular import app  # the package is half run


def register(target):
    target.add_url_rule("/", "index", lambda: f"served by {app.name}")
# --8<-- [end:views]
