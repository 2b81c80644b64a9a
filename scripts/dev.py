#!/usr/bin/env python3
"""Set up everything the guide needs, then serve it, check it or measure it.

    python3 scripts/dev.py serve   # the site on http://127.0.0.1:8000, reloading on edits
    python3 scripts/dev.py check   # every check CI runs (scripts/check.py); --fast: pages and build
    python3 scripts/dev.py build   # the static site, in site/, built as strictly as check builds it
    python3 scripts/dev.py record  # run the examples and record the outputs pages show (or: record PAGE.md)
    python3 scripts/dev.py bench   # the performance budget: build, rebuild, page weight, search
    python3 scripts/dev.py offline # dist/flask-field-guide-offline.zip, readable from file://
    python3 scripts/dev.py pdf     # dist/flask-field-guide.pdf, the whole guide printed by Chromium

Setup is a virtual environment in .venv with the exact pins of requirements.txt,
reinstalled only when that file changes. Only Python 3.11.5+ must be there first.
`check`, `bench` and `pdf` also need the real servers and browser the chapters teach with
(redis-server, nginx, chromium, openssl, and poppler-utils to read the PDF): run as root,
they are installed with apt-get; otherwise the command stops and names the packages to install.
"""

import hashlib
import os
import shutil
import socket
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
PYTHON = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
SERVE_ADDRESS = "127.0.0.1:8000"
COMMANDS = {
    # --dirty: an edit rebuilds only the pages it touches (overrides/macros/rebuilds.py adds the
    # pages that show an edited snippet, recording them again first); MkDocs warns about that
    # on every build, so not --strict here.
    "serve": ["-m", "mkdocs", "serve", "--dirty", "--no-strict", "--dev-addr", SERVE_ADDRESS],
    "build": [str(ROOT / "scripts" / "site_build.py")],
    "check": [str(ROOT / "scripts" / "check.py")],
    "bench": [str(ROOT / "scripts" / "bench.py")],
    "record": [str(ROOT / "scripts" / "record.py")],
    "offline": [str(ROOT / "scripts" / "offline.py")],
    "pdf": [str(ROOT / "scripts" / "pdf.py")],
}
# Program -> Debian package, for the commands that run real servers and a browser.
SYSTEM = {"redis-server": "redis-server", "nginx": "nginx", "chromium": "chromium", "openssl": "openssl",
          "pdftotext": "poppler-utils"}
NEEDS_SYSTEM = {"check", "bench", "pdf"}


def setup():
    if sys.version_info < (3, 11, 5):
        sys.exit(f"Python 3.11.5 or newer is needed; this is {sys.version.split()[0]}.")
    stamp = VENV / "requirements.sha256"
    digest = hashlib.sha256((ROOT / "requirements.txt").read_bytes()).hexdigest()
    if not (stamp.exists() and stamp.read_text() == digest):
        install(digest, stamp)
    sys.path.insert(0, str(ROOT / "scripts"))
    import vendor  # the files the site ships that a registry serves

    vendor.fetch()


def install(digest, stamp):
    print(f"Setting up {VENV} from requirements.txt ...", flush=True)
    venv.create(VENV, with_pip=True, clear=True)
    pip = [str(PYTHON), "-m", "pip", "install", "--disable-pip-version-check", "--quiet"]
    subprocess.run(pip + ["-r", str(ROOT / "requirements.txt")], check=True)
    stamp.write_text(digest)


def install_system_programs():
    missing = [package for program, package in SYSTEM.items()
               if not shutil.which(program) and not shutil.which(program, path="/usr/sbin")]
    if not missing:
        return
    if os.name == "posix" and os.geteuid() == 0 and shutil.which("apt-get"):
        print(f"Installing {' '.join(missing)} with apt-get ...", flush=True)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
                       check=True, env=env)
        return
    sys.exit(f"The checks run a real {', '.join(missing)}, which this machine does not have.\n"
             f"Install: sudo apt-get install {' '.join(missing)}   (macOS: brew install "
             f"{' '.join(m.replace('redis-server', 'redis') for m in missing)})\n"
             "then run this command again.")


def refuse_a_busy_port(args):
    """`serve` would build the whole site and only then fail to bind: say so before."""
    given = [b for a, b in zip(args, args[1:]) if a == "--dev-addr"]
    given += [a.removeprefix("--dev-addr=") for a in args if a.startswith("--dev-addr=")]
    address = given[-1] if given else SERVE_ADDRESS
    host, _, port = address.rpartition(":")
    with socket.socket() as probe:
        try:
            probe.bind((host, int(port)))
        except OSError as error:
            other = f"{host}:{int(port) + 1}"
            sys.exit(f"{address} is already in use ({error.strerror}): is another `dev.py serve` "
                     f"running? Stop it, or serve on another port:\n"
                     f"  python3 scripts/dev.py serve --dev-addr {other}")


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    if sys.argv[1] == "serve":
        refuse_a_busy_port(sys.argv[2:])
    setup()
    if sys.argv[1] in NEEDS_SYSTEM:
        install_system_programs()
    command = [str(PYTHON), *COMMANDS[sys.argv[1]], *sys.argv[2:]]
    os.chdir(ROOT)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life banner on every build
    if sys.argv[1] == "serve":
        os.environ["FFG_SERVING"] = "1"  # overrides/macros/rebuilds.py: re-record an edited example
    sys.exit(subprocess.call(command))


if __name__ == "__main__":
    main()
