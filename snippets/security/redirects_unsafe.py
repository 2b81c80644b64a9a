"""UNSAFE: shown to be attacked. Two ways to follow `next` off your site."""

# =============================================================================
# UNSAFE: shown to be attacked. tests/security/test_open_redirects.py sends
# both views to evil.example, checked with a real browser's URL parser.
# =============================================================================

from flask import Flask, redirect, request

app = Flask(__name__)


# --8<-- [start:unsafe]
@app.get("/login/naive")
def login_naive():
    return redirect(request.args.get("next", "/"))  # UNSAFE: anywhere at all


@app.get("/login/startswith")
def login_startswith():
    target = request.args.get("next", "/")
    if not target.startswith("/"):  # UNSAFE: "//evil.example" starts with "/"
        target = "/"
    return redirect(target)
# --8<-- [end:unsafe]
