"""Cookies: read them from the request, write them on the response."""

from flask import Flask, make_response, request

app = Flask(__name__)

ONE_YEAR = 60 * 60 * 24 * 365


# --8<-- [start:set]
@app.post("/preferences")
def save_preferences():
    theme = request.form.get("theme", "light")
    response = make_response({"theme": theme})
    response.set_cookie(
        "theme",
        theme,
        # seconds; without max_age the cookie ends with the browser session
        max_age=ONE_YEAR,
        secure=True,  # only sent over HTTPS
        httponly=True,  # invisible to JavaScript (document.cookie)
        samesite="Lax",  # not sent on cross-site POSTs
    )
    return response


# --8<-- [end:set]


# --8<-- [start:read]
@app.get("/preferences")
def read_preferences():
    return {"theme": request.cookies.get("theme", "light")}


# --8<-- [end:read]


# --8<-- [start:delete]
@app.delete("/preferences")
def reset_preferences():
    response = make_response({"theme": "light"})
    # Same name, path and domain as when it was set; the browser then drops it.
    response.delete_cookie("theme", secure=True, httponly=True, samesite="Lax")
    return response


# --8<-- [end:delete]
