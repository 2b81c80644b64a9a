"""XSS defences: autoescaping, markup built from escaped parts, a nonce CSP."""

import secrets

from flask import Flask, g, render_template_string, request
from markupsafe import Markup, escape

# --8<-- [start:escape]
PAGE = """<!doctype html>
<title>Comments</title>
<h1>Hello {{ name }}</h1>
<div class="comment">{{ comment }}</div>
<p id="status">no script ran</p>
<script nonce="{{ csp_nonce }}">
  document.getElementById("status").textContent = "our script ran";
</script>
"""


def paragraphs(text):
    """Plain user text -> HTML: every user character escaped, only our <br>
    is markup."""
    return Markup("<br>\n").join(escape(line) for line in text.splitlines())
# --8<-- [end:escape]


# --8<-- [start:csp]
def csp_nonce():
    """This response's nonce, made on first use: no hook order can leave it
    unset."""
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(16)
    return g.csp_nonce


def install_csp(app):
    """Every response gets a policy: scripts carrying its nonce run, no
    other inline script does."""

    @app.after_request
    def content_security_policy(response):
        response.headers["Content-Security-Policy"] = (
            f"default-src 'self'; script-src 'nonce-{csp_nonce()}'; "
            "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
        )
        return response
# --8<-- [end:csp]


app = Flask(__name__)
install_csp(app)


# --8<-- [start:view]
@app.get("/comments")
def comments():
    return render_template_string(
        PAGE,
        # escaped by Jinja
        name=request.args.get("name", ""),
        # escaped by paragraphs()
        comment=paragraphs(request.args.get("comment", "")),
        csp_nonce=csp_nonce(),
    )
# --8<-- [end:view]
