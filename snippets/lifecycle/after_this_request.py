"""after_this_request: change the response of this one request from code that
has no response."""

from flask import Flask, after_this_request, request

app = Flask(__name__)


# --8<-- [start:helper]
def remember_language(lang):
    """Called from inside a view: the response does not exist yet."""

    @after_this_request
    def set_language_cookie(response):
        response.set_cookie(
            "lang", lang, max_age=60 * 60 * 24 * 365, samesite="Lax"
        )
        return response


@app.post("/settings/language/<lang>")
def choose_language(lang):
    remember_language(lang)
    return {"language": lang}


@app.get("/")
def home():  # no cookie set here: the function above ran for one request only
    return {"language": request.cookies.get("lang", "en")}
# --8<-- [end:helper]
