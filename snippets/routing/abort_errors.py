"""abort() stops a view with an HTTP error; error handlers decide its look."""

from flask import Flask, abort, make_response, request

app = Flask(__name__)

DOCUMENTS = {"roadmap": "Q3 plans"}


# --8<-- [start:abort]
@app.get("/documents/<name>")
def document(name):
    if name not in DOCUMENTS:
        abort(404, description=f"No document named {name!r}.")
    if request.args.get("format", "text") != "text":
        abort(400, description="Only format=text is supported.")
    return DOCUMENTS[name]
# --8<-- [end:abort]


# --8<-- [start:handler]
@app.errorhandler(404)
def not_found(error):
    return {"error": "not found", "detail": error.description}, 404
# --8<-- [end:handler]


# --8<-- [start:abort_response]
@app.get("/admin")
def admin():
    abort(make_response({"error": "admins only"}, 403))  # a ready-made response
# --8<-- [end:abort_response]
