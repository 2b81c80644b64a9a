"""A glossary term carries its tooltip once per page: at its first use in the text.

The abbreviations the macros append (overrides/macros/glossary.py) make every use of a term an
`<abbr>`; underlining WSGI twenty times on the WSGI page helps nobody. After a page is rendered,
keep the first `<abbr>` of each term outside headings and unwrap the rest. (An MkDocs hook:
mkdocs.yml `hooks:`.)
"""

import re

ABBR = re.compile(r'<abbr title="[^"]*">(.*?)</abbr>', re.DOTALL)
HEADING = re.compile(r"<h[1-6][^>]*>.*?</h[1-6]>", re.DOTALL)


def on_page_content(html, page, config, files):
    headings = [m.span() for m in HEADING.finditer(html)]
    seen = set()

    def keep_first(match):
        term = match.group(1)
        if term in seen or any(start <= match.start() < end for start, end in headings):
            return term
        seen.add(term)
        return match.group(0)

    return ABBR.sub(keep_first, html)
