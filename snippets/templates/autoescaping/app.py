"""Which templates Flask autoescapes, and the two ways to switch it off."""

from flask import Flask, render_template, render_template_string, request
from markupsafe import Markup, escape

app = Flask(__name__)

# What an attacker types into the comment box.
COMMENT = '<script>alert("pwned")</script>Nice post!'


# --8<-- [start:by_extension]
@app.get("/comment.html")
def comment_html():
    return render_template("comment.html", comment=COMMENT)  # .html: escaped


@app.get("/comment.txt")
def comment_txt():
    text = render_template("comment.txt", comment=COMMENT)  # .txt: NOT escaped
    return text, {"Content-Type": "text/plain; charset=utf-8"}


@app.get("/inline")
def inline():
    return render_template_string(
        "<p>{{ comment }}</p>", comment=COMMENT
    )  # escaped


# --8<-- [end:by_extension]


# --8<-- [start:pitfall]
@app.get("/comment-j2")
def comment_j2():
    # ".html.j2" ends in ".j2": no autoescaping, and a str is served as
    # text/html.
    return render_template("comment.html.j2", comment=COMMENT)


# --8<-- [end:pitfall]


# --8<-- [start:safe]
@app.get("/bio")
def bio():
    name = request.args.get("name", "")
    wrong = Markup(f"<b>{name}</b>")  # the user's input is now "trusted"
    right = Markup("<b>{}</b>").format(name)  # format() escapes the arguments
    also_right = Markup("<b>") + escape(name) + Markup("</b>")  # so does +
    return render_template(
        "bio.html", name=name, wrong=wrong, right=right, also_right=also_right
    )


# --8<-- [end:safe]


# --8<-- [start:attributes]
@app.get("/profile")
def profile():
    user = {"name": request.args.get("name", "")}
    return render_template(
        "profile.html", user=user
    )  # tojson in three kinds of attribute


# --8<-- [end:attributes]


# --8<-- [start:subclass]
class J2Flask(Flask):
    """An app whose templates are named *.html.j2 and should be escaped like
    *.html.
    """

    def select_jinja_autoescape(self, filename):
        return super().select_jinja_autoescape(filename) or filename.endswith(
            ".html.j2"
        )


# --8<-- [end:subclass]


j2_app = J2Flask(__name__)


@j2_app.get("/comment-j2")
def comment_j2_escaped():
    return render_template("comment.html.j2", comment=COMMENT)
