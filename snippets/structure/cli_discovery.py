"""What `flask --app X` loads for each form of X: flask.cli.ScriptInfo does the
loading.
"""

import os
import sys
from unittest import mock

from flask.cli import NoAppException, ScriptInfo

PACKAGE = "snippets.structure.discovery"


# --8<-- [start:load]
def load(app_option):
    """Load an app as `flask --app <app_option>` does, or return the error."""
    with (
        mock.patch.object(sys, "path", list(sys.path)),
        # load_app sets app.debug
        mock.patch.dict(os.environ, {"FLASK_DEBUG": "0"}),
    ):
        try:
            return ScriptInfo(app_import_path=app_option).load_app()
        except NoAppException as error:
            return error


# --8<-- [end:load]


def describe(app):
    module = sys.modules[app.import_name]
    names = [name for name, value in vars(module).items() if value is app]
    if names:
        return f"the variable {names[0]!r} of module {module.__name__!r}"
    name = app.config["CONFIG_NAME"]
    return f"a new app returned by the factory, CONFIG_NAME={name!r}"


def discovery_table():
    options = [
        f"{PACKAGE}.wsgi_style",
        f"{PACKAGE}.any_name",
        f"{PACKAGE}.factory",
        f"{PACKAGE}.factory:create_app('testing')",
        f"{PACKAGE}.two_apps",
        f"{PACKAGE}.two_apps:admin",
        f"{PACKAGE}.needs_args",
        f"{PACKAGE}.needs_args:make_app('staging')",
        "snippets/structure/no_init/hello.py",
    ]
    lines = []
    for option in options:
        result = load(option)
        shown = option.replace(PACKAGE + ".", "")
        if isinstance(result, NoAppException):
            lines.append(f"--app {shown}\n    error: {result.format_message()}")
        else:
            lines.append(f"--app {shown}\n    found: {describe(result)}")
    # the file path was imported as a top-level module
    sys.modules.pop("hello", None)
    return "\n".join(lines)
