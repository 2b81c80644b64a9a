"""Logging for the shop app, configured before the app object exists."""

# --8<-- [start:config]
LOGGING = {
    "version": 1,
    # Gunicorn created its "gunicorn.error" and "gunicorn.access" loggers before
    # it called create_app(); the default (True) would silence both.
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {
            "format": "%(asctime)s %(levelname)s [%(process)d] "
            "%(name)s: %(message)s"
        },
    },
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            # stderr, or the WSGI server's error stream during a request
            "stream": "ext://flask.logging.wsgi_errors_stream",
            "formatter": "plain",
        },
    },
    "root": {"level": "INFO", "handlers": ["stderr"]},
}
# --8<-- [end:config]
