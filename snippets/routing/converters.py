"""Every built-in converter, each echoing what it captured and as which type."""

from flask import Flask

app = Flask(__name__)


def captured(value):
    return {"value": str(value), "type": type(value).__name__}


# --8<-- [start:builtin]
@app.get("/pages/<name>")  # string, the default: one segment, no slash
def page(name):
    return captured(name)


@app.get("/posts/<int:post_id>")  # digits only, becomes int
def post(post_id):
    return captured(post_id)


@app.get("/prices/<float:amount>")  # digits, a dot, digits; becomes float
def price(amount):
    return captured(amount)


@app.get("/files/<path:subpath>")  # like string, but slashes allowed
def file(subpath):
    return captured(subpath)


@app.get("/orders/<uuid:order_id>")  # 8-4-4-4-12 hex, becomes uuid.UUID
def order(order_id):
    return captured(order_id)


@app.get("/docs/<any(en, fr, de):lang>")  # one of a fixed set of words
def docs(lang):
    return captured(lang)
# --8<-- [end:builtin]


# --8<-- [start:arguments]
@app.get("/temperatures/<int(signed=True):celsius>")
def temperature(celsius):
    return captured(celsius)


@app.get("/countries/<string(length=2):code>")
def country(code):
    return captured(code)


@app.get("/archive/<int(min=1, max=12):month>")
def archive(month):
    return captured(month)
# --8<-- [end:arguments]
