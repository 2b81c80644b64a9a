"""Import the broken package fresh and report what Python says."""

import importlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


# --8<-- [start:demo]
def import_broken_app():
    package = "snippets.structure.circular_broken"
    for name in [m for m in sys.modules if m.startswith(package)]:
        del sys.modules[name]  # a fresh import, as in a new process
    try:
        importlib.import_module(f"{package}.app")
    except ImportError as error:
        return f"ImportError: {error}".replace(f"{ROOT}/", "")


# --8<-- [end:demo]
