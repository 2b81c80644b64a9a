"""Everything a view may return, and what Flask turns it into."""

import textwrap

from flask import Flask, Response, jsonify, make_response, url_for

app = Flask(__name__)


# --8<-- [start:plain]
@app.get("/text")
def text():
    return "<p>Hello</p>"  # str: text/html, UTF-8


@app.get("/bytes")
def raw_bytes():
    return b"sent byte for byte"  # bytes: body as is, still text/html


@app.get("/dict")
def as_dict():
    return {"id": 1, "tags": ["a", "b"]}  # dict: JSON (since 1.1.0)


@app.get("/list")
def as_list():
    return [{"id": 1}, {"id": 2}]  # list: JSON (since 2.2.0)


# --8<-- [end:plain]


# --8<-- [start:tuples]
@app.post("/items")
def create_item():
    location = url_for("show_item", item_id=3)
    return {"id": 3}, 201, {"Location": location}  # (body, status, headers)


@app.get("/items/<int:item_id>")
def show_item(item_id):
    return {"id": item_id}


@app.delete("/items/<int:item_id>")
def delete_item(item_id):
    return "", 204  # (body, status)


@app.get("/legacy")
def legacy():
    return "moved on", {"Deprecation": "true"}  # (body, headers)


# --8<-- [end:tuples]


# --8<-- [start:objects]
@app.get("/csv")
def csv_file():
    return Response("id,name\n1,pen\n", mimetype="text/csv")


@app.get("/jsonify")
def with_jsonify():
    return jsonify(1, 2, 3)  # several arguments become a JSON array


@app.get("/made")
def made():
    response = make_response({"ok": True}, 202)  # same rules as a return value
    response.headers["X-Request-Cost"] = "3"
    response.cache_control.max_age = 60
    return response


@app.get("/stream")
def stream():
    def lines():
        yield "first\n"
        yield "second\n"

    return lines(), {
        "Content-Type": "text/plain"
    }  # a generator streams (2.2.0)


# --8<-- [end:objects]


# --8<-- [start:none]
@app.get("/forgot")
def forgot_to_return():
    response = {"ok": True}  # built, but never returned


# --8<-- [end:none]


# --8<-- [start:invalid]
def invalid_returns():
    """Hand make_response values a view might return by mistake, as Flask does.
    """
    lines = []
    for value in (None, 42, {"pen"}, ("body", 200, {}, "extra")):
        with app.test_request_context("/forgot"):
            try:
                app.make_response(value)
            except TypeError as error:
                lines.append(
                    textwrap.fill(
                        f"{value!r}: TypeError: {error}",
                        90,
                        subsequent_indent="    ",
                    )
                )
    return "\n".join(lines)


# --8<-- [end:invalid]
