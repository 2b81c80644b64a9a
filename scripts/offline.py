#!/usr/bin/env python3
"""Build the guide as a zip that works from the file system, search included.

Run it through `python3 scripts/dev.py offline`; it writes dist/flask-field-guide-offline.zip.
Unzip it anywhere and open index.html: no server, no network.

Material's offline plugin (enabled by FFG_OFFLINE in mkdocs.yml) inlines the search index into a
script and turns off directory URLs. Search also runs in a Web Worker, which browsers refuse to
start from file://, so the plugin would load a small shim for that (iframe-worker) from unpkg.com.
scripts/vendor.py fetches that shim from the npm registry at setup, checks its pinned hash, and
every build ships it, so the downloaded guide never asks another host for anything.
"""

import logging
import os
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "dist" / "flask-field-guide-offline.zip"
SHIM_PATH = "assets/vendor/iframe-worker/shim.js"  # fetched by scripts/vendor.py, shipped by its hook


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
