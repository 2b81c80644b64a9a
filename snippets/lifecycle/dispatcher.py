"""DispatcherMiddleware: two Flask apps behind one WSGI entry point."""

from flask import Flask, request, url_for
from werkzeug.middleware.dispatcher import DispatcherMiddleware

# --8<-- [start:apps]
frontend = Flask(__name__)
api = Flask(__name__)


@frontend.get("/")
def home():
    return {"app": "frontend"}


@frontend.after_request
def frontend_header(
    response,
):  # a hook of frontend: never runs for /api requests
    response.headers["X-Frontend-Hook"] = "ran"
    return response


@api.get("/status")
def status():
    return {
        "app": "api",
        "script_root": request.script_root,
        "self": url_for("status"),
    }


# Requests under /api go to the api app; everything else to the frontend.
frontend.wsgi_app = DispatcherMiddleware(frontend.wsgi_app, {"/api": api})
app = frontend
# --8<-- [end:apps]
