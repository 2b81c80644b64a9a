"""A glossary term carries its tooltip once per page: at its first use in the text.

The abbreviations the macros append (overrides/macros/glossary.py) make every use of a term an
`<abbr>`; underlining WSGI twenty times on the WSGI page helps nobody. After a page is rendered,
keep the first `<abbr>` of each term outside headings and unwrap the rest. (An MkDocs hook:
mkdocs.yml `hooks:`.)

A page whose front matter says `tooltips: false` keeps none: the glossary, where every term is
defined on the page itself, and the quiz and study decks, which show one card at a time, so
that "first use on the page" is a card the reader may never see. Each tooltip is a component
the theme mounts as the page starts, a millisecond or more of the main thread apiece: on a slow
machine, Lighthouse's blocking time (medians of three runs) fell from 565 to 367 ms on the
glossary (67 tooltips), 565 to 430 ms on the quiz (44) and 811 to 562 ms on the study deck (28).
"""

import re

ABBR = re.compile(r'<abbr title="[^"]*">(.*?)</abbr>', re.DOTALL)
HEADING = re.compile(r"<h[1-6][^>]*>.*?</h[1-6]>", re.DOTALL)


def on_page_content(html, page, config, files):
    if page.meta.get("tooltips") is False:
        return ABBR.sub(r"\1", html)
    headings = [m.span() for m in HEADING.finditer(html)]
    seen = set()

    def keep_first(match):
        term = match.group(1)
        if term in seen or any(start <= match.start() < end for start, end in headings):
            return term
        seen.add(term)
        return match.group(0)

    return ABBR.sub(keep_first, html)
