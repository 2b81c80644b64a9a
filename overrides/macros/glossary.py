"""One definition per term, shown where a page first uses the term.

docs/glossary.yml holds the terms (kept out of the site by `exclude_docs`). Every page gets them
appended as Markdown abbreviations (`*[term]: definition`, the `abbr` extension), so a term in
prose carries its definition as a tooltip (Material's `content.tooltips`; overrides/tooltips.py
keeps it at the first use on a page, or on none), and docs/glossary.md lists them all with
`{@ glossary() @}`.
"""

import html
import posixpath
from pathlib import Path

from .data import read_yaml

ROOT = Path(__file__).resolve().parents[2]
TERMS = ROOT / "docs" / "glossary.yml"


def terms():
    return read_yaml(TERMS)["terms"] if TERMS.exists() else []


def define(env):
    loaded = terms()

    @env.macro
    def glossary():
        """Every term with its definition and where the guide teaches it, alphabetically."""
        out = []
        for term in sorted(loaded, key=lambda t: t["term"].lower()):
            # The link in a paragraph of its own: a link inside text must not rely on colour alone
            # (axe: link-in-text-block). Definitions are text: `<int:id>` must not become a tag.
            taught = f"[Where it is taught]({_relative(term['taught'], env.page.file.src_uri)})"
            out.append(f"{html.escape(term['term'])}\n:   {html.escape(term['means'].strip())}\n\n    {taught}\n")
        return "\n".join(out)

    return loaded


def abbreviations(loaded):
    """The lines the abbr extension reads; a definition is plain text on one line."""
    return "\n\n" + "\n\n".join(f"*[{t['term']}]: {' '.join(t['means'].split())}" for t in loaded) + "\n"


def _relative(target, page):
    path, _, anchor = target.partition("#")
    rel = posixpath.relpath(path, posixpath.dirname(page) or ".")
    return rel + (f"#{anchor}" if anchor else "")
