"""The answer you'll still hear: turn debug mode on inside the code."""

# --8<-- [start:app]
from flask import Flask

app = Flask(__name__)
# too late for `flask run`, which resets it from FLASK_DEBUG:
app.config["DEBUG"] = True
# --8<-- [end:app]
