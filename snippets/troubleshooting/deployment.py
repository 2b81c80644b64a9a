"""The app the deployment entries run under real Gunicorn and nginx
(tests/troubleshooting/test_deployment.py records their log lines into the
deployment_*.txt transcripts), and the proxy-header entry the page runs
through the test client.
"""

import time

from flask import Flask, request, url_for
from werkzeug.middleware.proxy_fix import ProxyFix


def create_app(behind_proxy=False):
    app = Flask(__name__)

    @app.get("/")
    def index():
        return "ok"

    @app.get("/slow")
    def slow():  # a report, an API call without a timeout, a stuck query
        time.sleep(float(request.args.get("seconds", 3)))
        return "done"

    @app.post("/upload")
    def upload():
        return {"bytes": len(request.get_data())}

    # --8<-- [start:link]
    @app.get("/reset-link")
    def reset_link():  # a URL for an email, or an OAuth redirect_uri
        return {"link": url_for("index", _external=True)}
    # --8<-- [end:link]

    if behind_proxy:
        # --8<-- [start:proxy-fix]
        # one proxy (nginx) sets X-Forwarded-Proto and X-Forwarded-Host
        app.wsgi_app = ProxyFix(app.wsgi_app, x_proto=1, x_host=1)
        # --8<-- [end:proxy-fix]
    return app


app = create_app()
proxied = create_app(behind_proxy=True)
