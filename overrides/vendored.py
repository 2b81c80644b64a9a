"""MkDocs hook: every build ships the files scripts/vendor.py fetched, under assets/vendor/."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import vendor


def on_post_build(config):
    vendor.copy_into(config.site_dir)
