"""The troubleshooting snippets start the CLI, bind sockets and change process state (the
`flask` group sets FLASK_RUN_FROM_CLI, Werkzeug adds log handlers): each test gets them back."""

import logging
import os

import pytest


@pytest.fixture(autouse=True)
def restore_process_state():
    environ = dict(os.environ)
    werkzeug = logging.getLogger("werkzeug")
    handlers, level = werkzeug.handlers[:], werkzeug.level
    yield
    os.environ.clear()
    os.environ.update(environ)
    werkzeug.handlers[:] = handlers
    werkzeug.setLevel(level)
