"""The project's own pins: exact, complete, and what is really installed."""

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REQUIREMENTS = Path(__file__).resolve().parents[2] / "requirements.txt"


# --8<-- [start:pins]
def read_pins(path=REQUIREMENTS):
    """name -> pinned version, plus every line that is not an exact pin."""
    pins, loose = {}, []
    for line in Path(path).read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        requirement = Requirement(line)
        specs = list(requirement.specifier)
        if len(specs) == 1 and specs[0].operator == "==":
            pins[canonicalize_name(requirement.name)] = specs[0].version
        else:
            loose.append(line)
    return pins, loose


def drift(pins):
    """Packages whose installed version is not the pinned one, or missing."""
    found = {}
    for name, pinned in pins.items():
        try:
            installed = version(name)
        except PackageNotFoundError:
            installed = None
        if installed != pinned:
            found[name] = (pinned, installed)
    return found
# --8<-- [end:pins]


# --8<-- [start:demo]
def demo():
    pins, loose = read_pins()
    examples = f"Flask=={pins['flask']}, Werkzeug=={pins['werkzeug']}"
    return "\n".join([
        f"exact pins:      {len(pins)}  ({examples})",
        f"not exact:       {loose or 'none'}",
        f"installed drift: {drift(pins) or 'none'}",
    ])
# --8<-- [end:demo]
