# --8<-- [start:module]
from flask import Flask


# called with no arguments if none are given
def create_app(config_name="production"):
    app = Flask(__name__)
    app.config["CONFIG_NAME"] = config_name
    return app


# --8<-- [end:module]
