"""What `flask.request` holds: one view that echoes the parts of an incoming
request.
"""

from flask import Flask, request

app = Flask(__name__)


# --8<-- [start:echo]
@app.route("/echo/<path:rest>", methods=["GET", "POST"])
def echo(rest):
    return {
        "method": request.method,
        "path": request.path,  # no query string, no host
        "full_path": request.full_path,  # path + "?" + query string
        "base_url": request.base_url,  # scheme + host + path
        "url": request.url,  # base_url + query string
        "args": request.args.to_dict(flat=False),
        "form": request.form.to_dict(flat=False),
        "values": request.values.to_dict(flat=False),
        "content_type": request.content_type,
        "user_agent": request.headers.get("User-Agent"),
        "cookies": request.cookies.to_dict(),
        "remote_addr": request.remote_addr,
    }


# --8<-- [end:echo]


# --8<-- [start:args]
@app.get("/books")
def list_books():
    page = request.args.get("page", 1, type=int)  # "abc" -> the default, 1
    tags = request.args.getlist("tag")  # ?tag=a&tag=b -> ["a", "b"]
    return {"page": page, "tags": tags}


@app.get("/books/search")
def search_books():
    query = request.args["q"]  # missing -> BadRequestKeyError, a 400
    return {"q": query}


# --8<-- [end:args]


# --8<-- [start:client]
@app.get("/whoami")
def whoami():
    return {
        "remote_addr": request.remote_addr,
        "x_forwarded_for": request.headers.get("X-Forwarded-For"),
        "access_route": request.access_route,
    }


# --8<-- [end:client]
