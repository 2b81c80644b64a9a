#!/usr/bin/env python3
"""Files the site ships that a registry serves: fetched at setup, hash-checked, never committed.

Each entry of VENDORED is one download (an npm tarball or a PyPI wheel) with its pinned hash and
the files of it the site needs. `fetch()` downloads what is missing into .venv/vendor/ (dev.py
setup runs it), refuses any download whose hash differs, and unpacks the files named.
`overrides/vendored.py`, a MkDocs hook, copies them into every build under assets/vendor/, so the
reader's browser loads them from the site's own origin: under `serve`, on the hosted site and
inside the offline zip.

To add a download: its address, its hash (npm: the `dist.integrity` sha512 the registry lists;
PyPI: the wheel's sha256 from https://pypi.org/pypi/<name>/<version>/json), the files to unpack
(archive path -> path under assets/vendor/; an empty mapping keeps the download itself).
"""

import base64
import filecmp
import hashlib
import io
import shutil
import sys
import tarfile
import urllib.request
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The venv this runs in (MkDocs, the tests), or the guide's own when dev.py's setup runs it.
VENV = Path(sys.prefix) if sys.prefix != sys.base_prefix else ROOT / ".venv"
CACHE = VENV / "vendor"             # the downloads, as fetched
SHIPPED = CACHE / "site"            # what the hook copies to assets/vendor/ in the built site
SITE_PATH = "assets/vendor"

VENDORED = {
    # Search in a Web Worker from file:// (the offline zip): scripts/offline.py
    "iframe-worker-1.0.4.tgz": {
        "url": "https://registry.npmjs.org/iframe-worker/-/iframe-worker-1.0.4.tgz",
        "sha512": "roeaaI+Lg1LJNfgpCjoRe/+WzEjy9+Z08LoEvu85MCPbBjwm+qXz8Ag5U05lHa6V1CysZyGzE0SOkAtSUA5q7Q==",
        "files": {"package/shim/index.js": "iframe-worker/shim.js"},
    },
}


def matches(data, entry):
    if "sha512" in entry:
        return base64.b64encode(hashlib.sha512(data).digest()).decode() == entry["sha512"]
    return hashlib.sha256(data).hexdigest() == entry["sha256"]


def unpack(data, name, files):
    """{archive path: bytes} for the files named, from a .tgz or a wheel/zip."""
    if name.endswith((".tgz", ".tar.gz")):
        with tarfile.open(fileobj=io.BytesIO(data)) as archive:
            return {path: archive.extractfile(path).read() for path in files}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {path: archive.read(path) for path in files}


def fetch(quiet=False):
    """Download, check and unpack every entry not already unpacked. Exits on a hash mismatch."""
    for name, entry in VENDORED.items():
        download = CACHE / name
        targets = {SHIPPED / dest: src for src, dest in entry["files"].items()} or {SHIPPED / name: None}
        if download.exists() and all(path.exists() for path in targets):
            continue
        if not download.exists():
            if not quiet:
                print(f"Fetching {entry['url']} ...", flush=True)
            download.parent.mkdir(parents=True, exist_ok=True)
            with urllib.request.urlopen(entry["url"], timeout=120) as response:
                download.write_bytes(response.read())
        data = download.read_bytes()
        if not matches(data, entry):
            download.unlink()
            sys.exit(f"{entry['url']} does not match its pinned hash; refusing to ship it.")
        contents = unpack(data, name, entry["files"]) if entry["files"] else {None: data}
        for path, src in targets.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(contents[src])


def copy_into(site_dir):
    """Put the vendored files under site_dir/assets/vendor/ (the MkDocs hook calls this)."""
    if not SHIPPED.exists():
        sys.exit(f"{SHIPPED} is missing: run `python3 scripts/dev.py build` (or serve), which fetches it.")
    for source in SHIPPED.rglob("*"):
        target = Path(site_dir) / SITE_PATH / source.relative_to(SHIPPED)
        if source.is_file() and not (target.exists() and filecmp.cmp(source, target)):
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)


if __name__ == "__main__":
    fetch()
