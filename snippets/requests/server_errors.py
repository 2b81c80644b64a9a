"""Why a 500 handler seems to do nothing in debug mode (and in tests)."""

from flask import Flask, abort


# --8<-- [start:factory]
def create_app(**config):
    app = Flask(__name__)
    app.config.update(config)

    @app.errorhandler(500)
    def internal_error(error):
        cause = getattr(error, "original_exception", None)
        return {
            "error": "internal",
            "cause": type(cause).__name__ if cause else None,
        }, 500

    @app.get("/crash")
    def crash():
        return {"ratio": 1 / 0}  # an unhandled ZeroDivisionError

    @app.get("/abort-500")
    def abort_500():
        abort(500)  # an HTTPException: always handled

    return app


# --8<-- [end:factory]
