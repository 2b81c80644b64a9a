"""Turning off the automatic OPTIONS response, app-wide (3.1.0) or per route."""

from flask import Flask, request

# --8<-- [start:per_route]
app = Flask(__name__)


@app.route("/internal", methods=["POST"], provide_automatic_options=False)
def internal():
    return "", 204
# --8<-- [end:per_route]


# --8<-- [start:config]
quiet_app = Flask(__name__)
# read when each rule is added
quiet_app.config["PROVIDE_AUTOMATIC_OPTIONS"] = False


@quiet_app.post("/webhook")
def webhook():
    return "", 204
# --8<-- [end:config]


# --8<-- [start:own_options]
@quiet_app.route("/uploads", methods=["POST", "OPTIONS"])
def uploads():
    if request.method == "OPTIONS":
        return "", 204, {"Allow": "OPTIONS, POST", "Accept-Post": "image/png"}
    return "", 201
# --8<-- [end:own_options]


# --8<-- [start:opt_in]
@quiet_app.route("/legacy", methods=["POST"], provide_automatic_options=True)
def legacy():
    return "", 204


# default config
@app.route("/explicit", methods=["POST"], provide_automatic_options=True)
def explicit():
    return "", 204
# --8<-- [end:opt_in]
