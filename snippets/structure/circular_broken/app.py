# --8<-- [start:app]
from flask import Flask

from .views import index  # runs views.py now, before `app` exists

app = Flask(__name__)
app.config["GREETING"] = "Hello"
app.add_url_rule("/", view_func=index)
# --8<-- [end:app]
