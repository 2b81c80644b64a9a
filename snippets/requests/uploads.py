"""File uploads: checked extension, a name we generate, hard size limits, JSON
errors.
"""

import os
import shutil
import tempfile
import uuid
import weakref

from flask import Flask, request, send_from_directory
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.utils import secure_filename

ALLOWED_EXTENSIONS = {"txt", "csv", "pdf", "png", "jpg"}


def create_app(upload_folder=None):
    app = Flask(__name__)
    # --8<-- [start:config]
    if (
        upload_folder is None
    ):  # demo default: a fresh folder per app, deleted with it
        upload_folder = tempfile.mkdtemp(prefix="ffg-uploads-")
        weakref.finalize(app, shutil.rmtree, upload_folder, ignore_errors=True)
    app.config.update(
        UPLOAD_FOLDER=upload_folder,  # production: a volume outside the code
        MAX_CONTENT_LENGTH=1
        * 1024
        * 1024,  # whole request body: 413 above 1 MiB
        # one non-file multipart field (the 3.1 default)
        MAX_FORM_MEMORY_SIZE=500_000,
        MAX_FORM_PARTS=1_000,  # number of multipart fields (the 3.1 default)
    )
    os.makedirs(app.config["UPLOAD_FOLDER"], exist_ok=True)
    # --8<-- [end:config]

    # --8<-- [start:errors]
    def problem(code, error, detail):
        return {"error": error, "detail": detail}, code

    @app.errorhandler(RequestEntityTooLarge)
    def too_large(e):
        return problem(413, "too_large", "the upload exceeds the size limits")

    # --8<-- [end:errors]

    # --8<-- [start:upload]
    def extension_of(filename):
        _, dot, ext = filename.rpartition(".")
        return ext.lower() if dot else ""

    @app.post("/uploads")
    def upload():
        file = request.files.get("file")
        if file is None or not file.filename:
            return problem(
                400,
                "missing_file",
                "send the file in a form field named 'file'",
            )
        ext = extension_of(file.filename)
        if ext not in ALLOWED_EXTENSIONS:
            return problem(
                400,
                "extension_not_allowed",
                f"allowed: {', '.join(sorted(ALLOWED_EXTENSIONS))}",
            )
        stored_as = f"{uuid.uuid4().hex}.{ext}"  # our name, never the client's
        path = os.path.join(app.config["UPLOAD_FOLDER"], stored_as)
        file.save(path)
        return {
            "stored_as": stored_as,
            "original_name": secure_filename(file.filename)
            or None,  # display only
            "bytes": os.path.getsize(path),
        }, 201

    # --8<-- [end:upload]

    # --8<-- [start:download]
    @app.get("/uploads/<path:name>")
    def download(name):
        # safe_join inside: "../" or an absolute path is a 404, not a file
        # elsewhere
        return send_from_directory(app.config["UPLOAD_FOLDER"], name)

    # --8<-- [end:download]

    return app
