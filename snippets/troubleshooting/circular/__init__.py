"""The package that imports its views before it has made the app they need."""

# --8<-- [start:package]
from flask import Flask

from snippets.troubleshooting.circular import views  # views needs `app`...

app = Flask(__name__)  # ...which only exists after this line
views.register(app)
# --8<-- [end:package]
