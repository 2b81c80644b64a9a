"""Request attributes that changed under people's feet: user_agent, data,
authorization.
"""

from flask import Flask, request

app = Flask(__name__)


# --8<-- [start:user_agent]
@app.get("/client")
def client():
    agent = request.user_agent  # a werkzeug.user_agent.UserAgent
    return {
        # the header, verbatim: all Werkzeug still gives you
        "string": agent.string,
        # None since Werkzeug 2.1, whatever the header
        "browser": agent.browser,
        "platform": agent.platform,  # None too
        "truthy": bool(
            agent
        ),  # bool() asks for .browser, so this is always False
    }


# --8<-- [end:user_agent]


# --8<-- [start:body]
@app.post("/raw")
def raw():
    form = request.form.to_dict()  # parsing a form consumes the body...
    return {
        "data": request.data.decode(),  # ...so .data is empty for a form
        "get_data": request.get_data(
            as_text=True
        ),  # and so is get_data() after it
        "form": form,
    }


@app.post("/raw/first")
def raw_first():
    body = request.get_data(as_text=True)  # read (and cache) the bytes first...
    return {
        "get_data": body,
        "form": request.form.to_dict(),
    }  # ...the form still parses


# --8<-- [end:body]


# --8<-- [start:authorization]
@app.get("/auth")
def auth():
    credentials = request.authorization  # None if missing or unparseable
    if credentials is None:
        return {"type": None}, 401, {"WWW-Authenticate": 'Basic realm="api"'}
    return {
        "type": credentials.type,  # "basic", "bearer", any scheme, lowercased
        "username": credentials.username,  # Basic only
        "password": credentials.password,  # Basic only
        "token": credentials.token,  # Bearer and other single-token schemes
    }


# --8<-- [end:authorization]
