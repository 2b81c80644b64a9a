"""UNSAFE: shown to be attacked. Three ways user input becomes live HTML."""

# =============================================================================
# UNSAFE: shown to be attacked. Every view in this file is an XSS hole on
# purpose, and tests/security/test_xss.py exploits each one. Do not copy it.
# =============================================================================

import re

from flask import Flask, render_template_string, request
from markupsafe import Markup


def create_app():
    app = Flask(__name__)

    # --8<-- [start:markup]
    @app.get("/greet")
    def greet():
        name = request.args.get("name", "")
        # UNSAFE: the f-string trusts `name`
        title = Markup(f"Hello <em>{name}</em>")
        return render_template_string("<h1>{{ title }}</h1>", title=title)
    # --8<-- [end:markup]

    # --8<-- [start:safe-filter]
    @app.get("/bio")
    def bio():
        text = request.args.get("bio", "")
        # UNSAFE: |safe tells Jinja the user's text is markup
        return render_template_string("<div>{{ bio|safe }}</div>", bio=text)
    # --8<-- [end:safe-filter]

    # --8<-- [start:regex]
    def strip_scripts(html):
        """A home-made sanitiser: delete <script> elements. UNSAFE."""
        return re.sub(r"(?is)<script[^>]*>.*?</script>", "", html)

    @app.get("/comment")
    def comment():
        cleaned = strip_scripts(request.args.get("text", ""))
        return render_template_string("<p>{{ text|safe }}</p>", text=cleaned)
    # --8<-- [end:regex]

    return app


app = create_app()
