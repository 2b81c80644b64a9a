"""View: one class, registered twice with different arguments."""

from flask import Flask, request
from flask.views import View

app = Flask(__name__)


# --8<-- [start:view]
class ListView(View):
    methods = ["GET"]
    # one instance serves every request: keep no state on self
    init_every_request = False

    def __init__(self, items, limit=10):
        self.items = items
        self.limit = limit

    def dispatch_request(self):
        limit = request.args.get("limit", default=self.limit, type=int)
        return {"items": self.items[:limit], "total": len(self.items)}


colors = ListView.as_view("colors", ["red", "green", "blue"])
app.add_url_rule("/colors", view_func=colors)
sizes = ListView.as_view("sizes", ["S", "M", "L", "XL"], limit=2)
app.add_url_rule("/sizes", view_func=sizes)
# --8<-- [end:view]
