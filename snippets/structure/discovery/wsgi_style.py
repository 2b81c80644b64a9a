# --8<-- [start:module]
from flask import Flask

application = Flask(__name__)  # "app" or "application" is found by name
# --8<-- [end:module]
