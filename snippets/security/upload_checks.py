"""Upload attacks, defused: allow-listed types checked against their magic
bytes, our own names, hard limits, and downloads a browser will not render."""

import os
import uuid

from flask import Flask, request, send_from_directory
from werkzeug.exceptions import RequestEntityTooLarge

# --8<-- [start:magic]
SIGNATURES = {  # extension -> what the first bytes of such a file must be
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "gif": (b"GIF87a", b"GIF89a"),
    "pdf": (b"%PDF-",),
}


def sniff(file_storage):
    """The checked extension, or None: allow-listed name AND matching bytes."""
    name = file_storage.filename or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    head = file_storage.stream.read(16)
    file_storage.stream.seek(0)
    if extension in SIGNATURES and head.startswith(SIGNATURES[extension]):
        return extension
    return None
# --8<-- [end:magic]


def create_app(folder):
    app = Flask(__name__)
    # --8<-- [start:limits]
    app.config.update(
        UPLOAD_FOLDER=folder,
        # the whole body: 413 above 2 MiB
        MAX_CONTENT_LENGTH=2 * 1024 * 1024,
        # any non-file field: 413 above 64 KiB (Flask 3.1)
        MAX_FORM_MEMORY_SIZE=64 * 1024,
    )

    @app.errorhandler(RequestEntityTooLarge)
    def too_large(error):
        return {"error": "too_large"}, 413
    # --8<-- [end:limits]

    # --8<-- [start:upload]
    @app.post("/files")
    def upload():
        file = request.files.get("file")
        extension = sniff(file) if file else None
        if extension is None:
            return {"error": "unsupported_file"}, 415
        # our own name: no byte from the client reaches the path
        name = f"{uuid.uuid4().hex}.{extension}"
        file.save(os.path.join(app.config["UPLOAD_FOLDER"], name))
        return {"id": name}, 201
    # --8<-- [end:upload]

    # --8<-- [start:download]
    @app.get("/files/<path:name>")
    def download(name):
        # safe_join inside: 404 for "../" and absolute paths
        response = send_from_directory(
            app.config["UPLOAD_FOLDER"], name, as_attachment=True
        )
        response.headers["X-Content-Type-Options"] = "nosniff"
        # if it renders anyway: a unique origin, no scripts
        response.headers["Content-Security-Policy"] = "sandbox"
        return response
    # --8<-- [end:download]

    return app
