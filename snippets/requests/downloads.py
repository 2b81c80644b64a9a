"""Large downloads with send_from_directory / send_file: ETag, 304 and 206 for
free.
"""

import io
from pathlib import Path

from flask import Flask, send_file, send_from_directory

app = Flask(__name__)
FILES = Path(__file__).parent / "downloads"


# --8<-- [start:files]
@app.get("/files/<path:name>")
def get_file(name):
    # Streams from disk in blocks, sets ETag / Last-Modified, answers
    # If-None-Match with 304 and Range with 206. "../x" gives 404.
    return send_from_directory(FILES, name, max_age=3600)


@app.get("/attachment/<path:name>")
def get_attachment(name):
    return send_from_directory(
        FILES, name, as_attachment=True
    )  # Content-Disposition


# --8<-- [end:files]


# --8<-- [start:memory]
@app.get("/generated.txt")
def generated():
    buffer = io.BytesIO(b"built in memory\n")
    return send_file(
        buffer, mimetype="text/plain", download_name="generated.txt"
    )


# --8<-- [end:memory]


# --8<-- [start:demo]
def fetch(client, **headers):
    with client.get("/files/price-list.txt", headers=headers) as response:
        return response.status, response.headers, response.data


def conditional_demo():
    client = app.test_client()
    status, headers, body = fetch(client)
    etag = headers["ETag"]
    lines = [
        f"GET                      -> {status}, {len(body)} bytes, ETag {etag}"
    ]
    status, headers, body = fetch(client, **{"If-None-Match": etag})
    lines.append(f"GET + If-None-Match ETag -> {status}, {len(body)} bytes")
    status, headers, body = fetch(client, Range="bytes=0-25")
    lines.append(
        f"GET + Range: bytes=0-25  -> {status}, "
        f"Content-Range: {headers['Content-Range']}"
    )
    lines.append(f"                            body {body!r}")
    return "\n".join(lines)


# --8<-- [end:demo]
