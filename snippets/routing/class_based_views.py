"""View: one class, registered twice with different arguments."""

from flask import Flask, request
from flask.views import View

app = Flask(__name__)


# --8<-- [start:view]
class ListView(View):
    methods = ["GET"]
    init_every_request = False  # one instance serves every request: keep no state on self

    def __init__(self, items, limit=10):
        self.items = items
        self.limit = limit

    def dispatch_request(self):
        limit = request.args.get("limit", default=self.limit, type=int)
        return {"items": self.items[:limit], "total": len(self.items)}


app.add_url_rule("/colors", view_func=ListView.as_view("colors", ["red", "green", "blue"]))
app.add_url_rule("/sizes", view_func=ListView.as_view("sizes", ["S", "M", "L", "XL"], limit=2))
# --8<-- [end:view]
