"""Four behaviours the test client cannot see, because a browser, not the
server, decides them: cookie attributes, CORS, CSP, and where a redirect
lands."""

from flask import Flask, make_response, redirect, request

# --8<-- [start:app]
app = Flask(__name__)


@app.get("/login")
def login():
    response = make_response("logged in")
    response.set_cookie(
        "sid", "s3cr3t", secure=True, httponly=True, samesite="Lax"
    )
    return response


@app.get("/whoami")
def whoami():
    return {"sid": request.cookies.get("sid")}


@app.get("/csp")
def csp():
    response = make_response(
        "<title>safe</title>"
        "<script>document.title = 'inline ran'</script>"
    )
    response.headers["Content-Security-Policy"] = "script-src 'self'"
    return response


@app.get("/cors")
# a page that reads the API on another origin: /cors#http://api.test/private
def cors():
    return """<title>waiting</title><script>
      fetch(location.hash.slice(1)).then(r => r.json())
        .then(data => { document.title = "read: " + data.balance },
              () => { document.title = "blocked" })</script>"""


@app.get("/next")
def go_next():
    # unchecked, on purpose: see open redirects
    return redirect(request.args["next"])


@app.get("/<path:anything>")
def page(anything):
    return f"a page of this app: /{anything}"
# --8<-- [end:app]


# --8<-- [start:api]
api = Flask("api")
# the one origin allowed to read /shared
api.config["APP_ORIGIN"] = "http://app.test"


@api.get("/private")
def private():  # no CORS headers: other origins may send, not read
    return {"balance": 100}


@api.get("/shared")
def shared():
    allow = {"Access-Control-Allow-Origin": api.config["APP_ORIGIN"]}
    return {"balance": 100}, allow
# --8<-- [end:api]
