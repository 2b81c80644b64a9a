# --8<-- [start:module]
from flask import Flask

public = Flask(__name__)
admin = Flask(__name__)  # two instances, neither named app: Flask will not guess
# --8<-- [end:module]
