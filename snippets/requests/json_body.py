"""Reading a JSON body: strict get_json(), silent=True, and validating the shape
yourself.
"""

from flask import Flask, request

app = Flask(__name__)


# --8<-- [start:strict]
@app.post("/notes")
def create_note():
    data = request.get_json()  # wrong Content-Type: 415; broken JSON: 400
    return {"received": data}, 201


# --8<-- [end:strict]


# --8<-- [start:property]
@app.post("/notes/via-property")
def create_note_via_property():
    return {"received": request.json}, 201  # same rules as get_json()


# --8<-- [end:property]


# --8<-- [start:silent]
@app.post("/notes/lenient")
def create_note_lenient():
    data = request.get_json(silent=True)  # None instead of 415 or 400
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        return {
            "error": "invalid_body",
            "detail": 'send a JSON object like {"text": "..."}',
        }, 400
    return {"text": data["text"]}, 201


# --8<-- [end:silent]
