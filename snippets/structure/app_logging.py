"""How app.logger gets (or doesn't get) Flask's handler, and a request id on
every log line.
"""

import contextlib
import io
import logging
import logging.config
import re
import uuid

from flask import Flask, g, has_request_context, request
from flask.logging import default_handler


@contextlib.contextmanager
def fresh_logging():
    """Each demo starts as a new process would and puts the process's logging
    back afterwards.
    """
    manager = logging.root.manager
    loggers = [
        logging.root,
        *(
            x
            for x in manager.loggerDict.values()
            if isinstance(x, logging.Logger)
        ),
    ]
    saved = {
        log: (log.level, log.handlers[:], log.disabled, log.propagate)
        for log in loggers
    }
    logging.root.handlers = []
    try:
        yield
    finally:
        for log in [
            logging.root,
            *(
                x
                for x in manager.loggerDict.values()
                if isinstance(x, logging.Logger)
            ),
        ]:
            level, handlers, disabled, propagate = saved.get(
                log, (logging.NOTSET, [], False, True)
            )
            log.setLevel(level)
            log.handlers[:] = handlers
            log.disabled, log.propagate = disabled, propagate


def root_to(stream, fmt="root handler | %(name)s: %(message)s"):
    """The process's logging, configured the way a deployment would: one handler
    on the root.
    """
    logging.config.dictConfig(
        {
            "version": 1,
            "disable_existing_loggers": False,
            "formatters": {"plain": {"format": fmt}},
            "handlers": {
                "out": {
                    "class": "logging.StreamHandler",
                    "stream": stream,
                    "formatter": "plain",
                }
            },
            "root": {"level": "INFO", "handlers": ["out"]},
        }
    )


# --8<-- [start:order]
def one_line_or_two(configure_first, remove_default_handler=False):
    # err stands in for stderr, where default_handler writes
    out, err = io.StringIO(), io.StringIO()
    with fresh_logging(), contextlib.redirect_stderr(err):
        app = Flask(f"shop_{configure_first}_{remove_default_handler}")
        if configure_first:
            root_to(out)
        app.logger.warning("stock is low")  # the first use creates the logger
        if not configure_first:
            root_to(out)  # too late: Flask has already added default_handler
        if remove_default_handler:
            app.logger.removeHandler(default_handler)
        app.logger.warning("stock is out")
        handlers = [
            type(h).__name__
            + (" (default_handler)" if h is default_handler else "")
            for h in app.logger.handlers
        ]
    return handlers, (err.getvalue() + out.getvalue()).splitlines()


# --8<-- [end:order]


def orders():
    lines = []
    for title, args in [
        ("dictConfig, then the first app.logger call", (True,)),
        ("app.logger first, dictConfig afterwards", (False,)),
        ("...and then removeHandler(default_handler)", (False, True)),
    ]:
        handlers, output = one_line_or_two(*args)
        lines += [f"{title}:", f"    app.logger.handlers = {handlers}"]
        lines += [
            "    " + re.sub(r"^\[[^]]+\]", "[time]", line) for line in output
        ]
    return "\n".join(lines)


# --8<-- [start:request-id]
VALID_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")


class RequestId(logging.Filter):
    """Put the request id on every record the handler sees, from any logger."""

    def filter(self, record):
        record.request_id = (
            g.request_id if has_request_context() and "request_id" in g else "-"
        )
        return True


def create_app():
    app = Flask("shop_ids")

    @app.before_request
    def take_or_make_an_id():
        # set by nginx: proxy_set_header
        incoming = request.headers.get("X-Request-ID", "")
        g.request_id = (
            incoming if VALID_ID.fullmatch(incoming) else uuid.uuid4().hex
        )

    @app.after_request
    def echo_the_id(response):
        # the client can quote it in a bug report
        response.headers["X-Request-ID"] = g.request_id
        return response

    @app.get("/checkout")
    def checkout():
        app.logger.info("checkout started")
        # a library's logger, not the app's
        logging.getLogger("payments").info("card charged")
        return {"request_id": g.request_id}

    return app


# --8<-- [end:request-id]


# --8<-- [start:config]
def logging_config(stream, filter_on="handler"):
    where = {"filters": ["request_id"]}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": RequestId}},
        "formatters": {
            "ids": {
                "()": logging.Formatter,
                "fmt": "%(request_id)s %(name)s: %(message)s",
                # for records no filter saw
                "defaults": {"request_id": "no-id"},
            }
        },
        "handlers": {
            "out": {
                "class": "logging.StreamHandler",
                "stream": stream,
                "formatter": "ids",
                **(where if filter_on == "handler" else {}),
            }
        },
        "loggers": {"shop_ids": where if filter_on == "logger" else {}},
        "root": {"level": "INFO", "handlers": ["out"]},
    }


# --8<-- [end:config]


def requests_with_ids(filter_on="handler"):
    out = io.StringIO()
    with fresh_logging():
        logging.config.dictConfig(logging_config(out, filter_on))
        client = create_app().test_client()
        given = client.get(
            "/checkout", headers={"X-Request-ID": "nginx-7f3a9c21"}
        )
        forged = client.get(
            "/checkout", headers={"X-Request-ID": "- shop_ids: admin logged in"}
        )
        logging.getLogger("shop_ids").info("outside any request")
    return given, forged, out.getvalue().splitlines()


def id_walkthrough():
    given, forged, lines = requests_with_ids()
    _, _, on_logger = requests_with_ids(filter_on="logger")
    return "\n".join(
        [
            "GET /checkout  X-Request-ID: nginx-7f3a9c21",
            f"    response X-Request-ID: {given.headers['X-Request-ID']}",
            "GET /checkout  X-Request-ID: - shop_ids: admin logged in   "
            "(refused: a new id instead)",
            f"    response X-Request-ID: "
            f"{forged.headers['X-Request-ID'][:8]}...",
            "the log, filter on the handler:",
            *(f"    {line}" for line in lines),
            "the log, same filter on the app's logger instead:",
            *(f"    {line}" for line in on_logger[:2]),
        ]
    )
