#!/usr/bin/env python3
"""Build the guide as a zip that works from the file system, search included.

Run it through `python3 scripts/dev.py offline`; it writes dist/flask-field-guide-offline.zip.
Unzip it anywhere and open index.html: no server, no network.

Material's offline plugin (enabled by FFG_OFFLINE in mkdocs.yml) inlines the search index into a
script and turns off directory URLs. Search also runs in a Web Worker, which browsers refuse to
start from file://, so the plugin would load a small shim for that (iframe-worker) from unpkg.com.
We fetch that shim once from the npm registry instead, check it against a pinned hash, and ship it
inside the zip, so the downloaded guide never asks another host for anything.
"""

import base64
import hashlib
import io
import logging
import os
import sys
import tarfile
import tempfile
import urllib.request
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "dist" / "flask-field-guide-offline.zip"
SHIM_TARBALL = "https://registry.npmjs.org/iframe-worker/-/iframe-worker-1.0.4.tgz"
SHIM_SHA512 = "roeaaI+Lg1LJNfgpCjoRe/+WzEjy9+Z08LoEvu85MCPbBjwm+qXz8Ag5U05lHa6V1CysZyGzE0SOkAtSUA5q7Q=="
SHIM_CACHE = ROOT / ".venv" / "iframe-worker-1.0.4.tgz"  # downloaded once, with the other dependencies
SHIM_PATH = "assets/javascripts/iframe-worker-shim.js"  # where the zip carries it


def shim():
    """iframe-worker's shim/index.js, from the cached npm tarball, checked against its pinned hash."""
    if not SHIM_CACHE.exists():
        print(f"Fetching {SHIM_TARBALL} ...", flush=True)
        with urllib.request.urlopen(SHIM_TARBALL, timeout=60) as response:
            SHIM_CACHE.write_bytes(response.read())
    tarball = SHIM_CACHE.read_bytes()
    if base64.b64encode(hashlib.sha512(tarball).digest()).decode() != SHIM_SHA512:
        SHIM_CACHE.unlink()
        sys.exit(f"{SHIM_TARBALL} does not match its pinned sha512; refusing to ship it.")
    with tarfile.open(fileobj=io.BytesIO(tarball)) as archive:
        return archive.extractfile("package/shim/index.js").read()


def build(site_dir):
    os.environ["FFG_OFFLINE"] = "true"
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    handler = logging.StreamHandler()  # what `mkdocs build` would print: warnings and errors
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").setLevel(logging.WARNING)

    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    # Listed before the plugin runs, so it does not add its unpkg.com address.
    config.extra["polyfills"] = [SHIM_PATH]
    try:
        mkdocs_build(config)
    except Abort as error:
        sys.exit(f"The offline build failed: {error}")
    (site_dir / SHIM_PATH).write_bytes(shim())


def main(out=OUT):
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "flask-field-guide"
        build(site)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(site.rglob("*")):
                archive.write(path, path.relative_to(site.parent))
    print(f"Wrote {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out} "
          f"({out.stat().st_size / 2**20:.1f} MiB). Unzip it and open flask-field-guide/index.html.")


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else OUT)
