# --8<-- [start:module]
from flask import Flask


# a required argument: Flask cannot call it on its own
def make_app(config_name):
    app = Flask(__name__)
    app.config["CONFIG_NAME"] = config_name
    return app


# --8<-- [end:module]
