"""CSRF: Flask-WTF tokens for cookie-authenticated forms, SameSite as a
second layer, and a JSON API that browsers cannot forge a request to."""

from flask import Flask, abort, render_template_string, request, session
from flask_wtf.csrf import CSRFProtect

# --8<-- [start:setup]
app = Flask(__name__)
app.config.update(
    # signs the session and the CSRF token
    SECRET_KEY="dev-only-never-in-production",
    SESSION_COOKIE_SAMESITE="Lax",  # cross-site POSTs arrive without the cookie
)
csrf = CSRFProtect(app)  # every POST/PUT/PATCH/DELETE now needs a valid token

FORM = """<form method="post" action="/email">
  <input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
  <input name="email" type="email">
</form>"""


@app.get("/settings")
def settings():
    return render_template_string(FORM)


@app.post("/email")
def change_email():
    return {"user": session.get("user"), "email": request.form["email"]}
# --8<-- [end:setup]


# --8<-- [start:api]
API_TOKENS = {"tok-ada-6f1c": "ada"}  # in real life: hashed, in the database


@app.post("/api/email")
@csrf.exempt  # safe ONLY because nothing here reads a cookie
def api_change_email():
    if not request.is_json:  # a form can't send application/json cross-site
        abort(415)
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    user = API_TOKENS.get(token) if scheme == "Bearer" else None
    # no browser sends a Bearer token unasked (cached Basic auth, it does)
    if user is None:
        abort(401)
    return {"user": user, "email": request.get_json()["email"]}
# --8<-- [end:api]
