"""The answer you'll still hear: turn debug mode on inside the code."""

# --8<-- [start:app]
from flask import Flask

app = Flask(__name__)
app.config["DEBUG"] = True  # too late for `flask run`, which resets it from FLASK_DEBUG
# --8<-- [end:app]
