"""A module in a directory that has no __init__.py: a namespace package (PEP
420).
"""

# --8<-- [start:hello]
from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello():
    return {"module": __name__, "package": __package__}


# --8<-- [end:hello]
