# --8<-- [start:module]
from flask import Flask

website = Flask(__name__)  # the only Flask instance in the module
# --8<-- [end:module]
