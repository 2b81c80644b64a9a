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
    # Spaced repetition on the study page (FSRS, as Anki uses): docs/assets/study.js
    "ts-fsrs-5.4.2.tgz": {
        "url": "https://registry.npmjs.org/ts-fsrs/-/ts-fsrs-5.4.2.tgz",
        "sha512": "z4qop4pzTcyTzuJ566d9EaX/4bZZzhYfeaPImfVr+xcYT65c5oBgFDijUhCE/D+C78eaolHIhKRZ04/RwF+v2g==",
        "files": {"package/dist/index.umd.js": "ts-fsrs/index.umd.js",
                  "package/dist/index.umd.js.map": "ts-fsrs/index.umd.js.map",
                  "package/LICENSE": "ts-fsrs/LICENSE"},
    },
    # "Edit and run": CPython on WebAssembly, which docs/assets/runner-worker.js loads on the
    # first click of Run. Only the files loadPyodide() requests; no package of its lock file.
    "pyodide-314.0.8.tgz": {
        "url": "https://registry.npmjs.org/pyodide/-/pyodide-314.0.8.tgz",
        "sha512": "74Wq1kXOC+CCEzAfxuRAO701nAcCMLjf8NrwvWpu8S41dVMXwXmLQ05dYB+F4e46AdnGo0oq7YHSVUpHsoarLQ==",
        "files": {f"package/{name}": f"pyodide/{name}" for name in (
            "pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")},
    },
    # Flask and its dependencies for that Python, at the versions requirements.txt pins
    # (tests/harness/test_runnable.py checks they agree); the worker unpacks them itself.
    **{f"wheels/{name}-{version}-py3-none-any.whl": {
        "url": f"https://files.pythonhosted.org/packages/{where}/{name}-{version}-py3-none-any.whl",
        "sha256": sha256, "files": {},
    } for name, version, where, sha256 in (
        ("flask", "3.1.3", "7f/9c/34f6962f9b9e9c71f6e5ed806e0d0ff03c9d1b0b2340088a0cf4bce09b18",
         "f4bcbefc124291925f1a26446da31a5178f9483862233b23c0c96a20701f670c"),
        ("werkzeug", "3.1.9", "a1/38/df03f564f43cec2684823f3cccae1a652ee7face1cbaa76fb223096e64d7",
         "6392e50c78460ba618e5b21f08a71f59c99ce99cdc6cf6e3dd7e6ccca8754fab"),
        ("jinja2", "3.1.6", "62/a1/3d680cbfd5f4b8f15abc1d571870c5fc3e594bb582bc3b64ea099db13e56",
         "85ece4451f492d0c13c5dd7c13a64681a86afae63a5f347908daf103ce6d2f67"),
        ("itsdangerous", "2.2.0", "04/96/92447566d16df59b2a776c0fb82dbc4d9e07cd95062562af01e408583fc4",
         "c6242fc49e35958c8b15141343aa660db5fc54d4f13a1db01a3f5891b98700ef"),
        ("click", "8.5.1", "31/7d/164b7ffc8624fe9efb4221bf9af485d5c1e41b9ae118045d2b6dc5457d8b",
         "8bb5376d2006950386f8c6427613334a2acadc5f559cb80e638d00b4df957e37"),
        ("blinker", "1.9.0", "10/cb/f2ad4230dc2eb1a74edf38f1a38b9b52277f75bef262d8908e60d957e13c",
         "ba0efaa9080b619ff2f3459d1d500c57bddea4a6b424b60a91141db6fd2f08bc"),
    )},
    # MarkupSafe has no pure wheel: its pure modules from the sdist, without _speedups (C),
    # whose absence makes it fall back to _native.
    "markupsafe-3.0.4.tar.gz": {
        "url": "https://files.pythonhosted.org/packages/38/9b/e422a865e1d5d57d0e509b4e0bf1c1a70a7f6382c29a5aa428df994c8bc8/markupsafe-3.0.4.tar.gz",
        "sha256": "2e9ad7dd851bf45fab9f75cbff4cb493fee9979e8d8c7c9c3ee119022518edd6",
        "files": {f"markupsafe-3.0.4/src/markupsafe/{name}": f"wheels/markupsafe/{name}"
                  for name in ("__init__.py", "_native.py")},
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
