# --8<-- [start:module]
from flask import Flask

public = Flask(__name__)
# two instances, neither named app: Flask will not guess
admin = Flask(__name__)
# --8<-- [end:module]
