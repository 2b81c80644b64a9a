#!/usr/bin/env python3
"""Print the whole guide as one PDF, with a table of contents and page numbers.

    python3 scripts/dev.py pdf                      # dist/flask-field-guide.pdf
    python3 scripts/pdf.py OUT.pdf --site BUILT     # print a site built already (the tests)

The site is built as strictly as `check` builds it. Then one print page is put together from
the built pages: a title page, the contents, and every page's article in `nav:` order, with
its links turned into links inside the book and its ids made unique. Nothing is left folded:
every "???" callout is opened, and every content tab is printed (the site's print CSS, Material's
and docs/assets/print.css, lays a tab set's blocks out one after another under their labels).

Debian's Chromium, headless under Playwright, loads that page from a server on 127.0.0.1 and
prints it with the page number in the footer; any request to another address is refused and
fails the print. It prints twice: a quick draft says on which page each entry of the contents
starts (its named destinations, read with `pdfinfo -dests` from poppler-utils), and the book
shows those numbers in the contents; a page that moved between the two fails the print.
"""

import argparse
import contextlib
import functools
import html
import http.server
import itertools
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "dist" / "flask-field-guide.pdf"
BOOK_PATH = "/__book__.html"  # where the local server answers with the print page
# Pages that only work on screen; what they show is printed elsewhere in the book.
LEFT_OUT = {
    "questions/quiz.md": "the quiz (its questions are the bank's, printed on the question pages)",
    "questions/study.md": "the study page (it schedules the questions printed on the other pages)",
    "questions/tags.md": "the tags index (a list of links)",
}
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
DROP = [  # the chrome inside an article that means nothing on paper
    re.compile(r'<nav class="md-tags".*?</nav>', re.S),
    re.compile(r'<a [^>]*class="md-content__button[^"]*"[^>]*>.*?</a>', re.S),
    re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S),
    re.compile(r'<p class="ffg-(?:minutes|tested)">.*?</p>', re.S),
]
TESTED_WITH = re.compile(r'<p class="ffg-tested">(.*?)</p>', re.S)
H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
ID_ATTRIBUTES = re.compile(r'(\s(?:id|for|aria-controls|aria-labelledby|aria-describedby)=")([^"]+)(")')
RADIO_NAME = re.compile(r'(<input\b[^>]*\sname=")([^"]+)(")')
LOCAL_URL = re.compile(r'(\s(?:href|xlink:href|src)=")([^"]*)(")')
URL_REFERENCE = re.compile(r"url\(#([^)]+)\)")
TAG = re.compile(r"<[a-zA-Z][^>]*>")  # in a built page's text, < is always &lt;
FOOTER = ('<div style="width:100%;font-size:8px;color:#555;text-align:center;'
          'font-family:sans-serif">Flask Field Guide · <span class="pageNumber"></span> / '
          '<span class="totalPages"></span></div>')
BOOK_CSS = """
@page { size: A4; margin: 14mm 14mm 16mm; }
.ffg-book > .ffg-opens { break-before: page; }
/* padding, not margin: a margin collapses into the title's, and its page would be the one
   before the title when the margin crosses a page boundary */
.ffg-book > section + section:not(.ffg-opens) { padding-top: 3em; }
.ffg-book .ffg-cover { padding-top: 30vh; text-align: center; }
.ffg-cover h1 { font-size: 3em; margin-bottom: .5em; color: inherit; }
.ffg-toc ol { list-style: none; margin: 0 !important; padding: 0; }
.ffg-toc li { margin: 0 !important; }
.ffg-toc > ol > li { margin-top: .6em !important; font-weight: 700; }
.ffg-toc li li { font-weight: 400; padding-left: 1.5em; }
.ffg-toc a { display: flex; align-items: flex-end; gap: .5em; color: inherit;
             text-decoration: none !important; }
.ffg-toc a::after { content: ""; order: 1; flex: 1; border-bottom: 1px dotted #999;
                    margin-bottom: .3em; }
.ffg-toc .ffg-toc-page { order: 2; min-width: 2.5em; text-align: right; }
"""


def nav_entries(nav):
    """[(section title or None, docs-relative path)] of a `nav:` list, in its order."""
    out = []
    for item in nav:
        title, value = next(iter(item.items())) if isinstance(item, dict) else (None, item)
        if isinstance(value, list):
            out += [(title, next(iter(v.values())) if isinstance(v, dict) else v) for v in value]
        else:
            out.append((None, value))
    return out


def nav_pages(config_file=ROOT / "mkdocs.yml"):
    """nav_entries() of the guide's `nav:`, less the pages the printed guide leaves out."""
    from mkdocs.utils.yaml import yaml_load

    with open(config_file, encoding="utf-8") as f:
        nav = yaml_load(f)["nav"]
    return [(section, path) for section, path in nav_entries(nav) if path not in LEFT_OUT]


def page_url(path):
    """docs-relative Markdown path -> the built page's URL path ('routing/x.md' -> '/routing/x/')."""
    stem = path[:-3]
    stem = stem[:-len("index")] if stem == "index" or stem.endswith("/index") else stem + "/"
    return "/" + stem


def page_id(path):
    return "p-" + re.sub(r"[^a-z0-9]+", "-", path[:-3].lower()).strip("-")


def article(site, path, ids_of):
    """The built page's article, ready to sit in the book: chrome dropped, folds open, ids
    prefixed with the page's, links to pages of the book turned into links inside it."""
    url = page_url(path)
    text = (site / url.lstrip("/") / "index.html").read_text(encoding="utf-8")
    found = ARTICLE.search(text)
    if not found:
        raise SystemExit(f"pdf: {path}: the built page has no article")
    body, prefix = found.group(1), page_id(path)
    for pattern in DROP:
        body = pattern.sub("", body)
    body = re.sub(r"<details(?![^>]*\sopen)", "<details open", body)

    def link(match):
        target = html.unescape(match[2])
        if target.startswith("#"):
            return f"{match[1]}#{prefix}__{target[1:]}{match[3]}"
        if re.match(r"[a-z]+:", target):  # https:, mailto:, data:
            return match[0]
        parts = urlsplit(urljoin(url, target))
        if parts.path in ids_of:  # a page of the book: to its section, or an anchor in it
            inside = ids_of[parts.path]
            return f'{match[1]}#{inside}{"__" + parts.fragment if parts.fragment else ""}{match[3]}'
        if "src" in match[1]:  # an image or a script: from the server's root
            return f"{match[1]}{html.escape(parts.path)}{match[3]}"
        return f' data-left-out="{html.escape(parts.path)}"'  # a page not in the book: no link

    def tag(match):  # attributes only: a shown example's text may read href="..." too
        found = ID_ATTRIBUTES.sub(lambda m: m[1] + " ".join(f"{prefix}__{i}" for i in m[2].split()) + m[3],
                                  match[0])
        found = RADIO_NAME.sub(lambda m: f"{m[1]}{prefix}__{m[2]}{m[3]}", found)
        found = URL_REFERENCE.sub(lambda m: f"url(#{prefix}__{m[1]})", found)
        return LOCAL_URL.sub(link, found)
    body = TAG.sub(tag, body)
    # The page's id goes on its title, where the page starts (a section may begin a page earlier)
    body, titled = re.subn(r'<h1 id="([^"]+)"', rf'<h1 id="{prefix}"><a id="\1"></a', body, count=1)
    if not titled:
        body = f'<a id="{prefix}"></a>{body}'
    title = H1.search(body)
    title = html.unescape(re.sub(r"<[^>]+>", "", title.group(1)).strip()) if title else path
    return body, title, text


def book(site, pages, numbers=None):
    """The print page: a title page, the contents (with page numbers once known), every page."""
    numbers = numbers or {}
    ids_of = {page_url(path): page_id(path) for _, path in pages}
    sections, toc, first = [], [], None
    for section, group in itertools.groupby(pages, key=lambda entry: entry[0]):
        entries = []
        for _, path in group:
            body, title, whole = article(site, path, ids_of)
            first = first or whole
            # a new page for a chapter, a page alone and a cheat sheet (printed on its own too)
            opens = ' class="ffg-opens"' if not entries or path.endswith("/cheat-sheet.md") else ""
            sections.append(f"<section{opens}>{body}</section>")
            entries.append(f'<li><a href="#{page_id(path)}"><span>{html.escape(title)}</span>'
                           f'<span class="ffg-toc-page">{numbers.get(page_id(path), "")}</span></a></li>')
        if section is None:
            toc += entries
        else:
            toc.append(f"<li><span>{html.escape(section)}</span><ol>{''.join(entries)}</ol></li>")
    head = re.search(r"<head>(.*?)</head>", first, re.S).group(1)
    styles = "\n".join(f'<link rel="stylesheet" href="{urljoin("/", h.lstrip("./"))}">'
                       for h in re.findall(r'<link rel="stylesheet" href="([^"]+)"', head))
    tested = TESTED_WITH.search(first)
    left_out = ", ".join(LEFT_OUT.values())
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Flask Field Guide</title>
{styles}
<style>{BOOK_CSS}</style></head>
<body dir="ltr" data-md-color-scheme="default" data-md-color-primary="teal"
      data-md-color-accent="deep-orange">
<article class="md-typeset ffg-book">
<section class="ffg-cover"><h1>Flask Field Guide</h1>
<p>The whole guide, printed from the site in the order of its navigation.</p>
<p>{tested.group(1).strip() if tested else ""}</p>
<p><small>Left out, as they work only on screen: {html.escape(left_out)}.</small></p></section>
<section class="ffg-toc ffg-opens" id="contents"><h1>Contents</h1><ol>{"".join(toc)}</ol></section>
{"".join(sections)}
</article></body></html>"""


class BookHandler(http.server.SimpleHTTPRequestHandler):
    """The built site from its folder, and the print page at BOOK_PATH."""
    page = b""

    def do_GET(self):
        if urlsplit(self.path).path == BOOK_PATH:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(self.page)))
            self.end_headers()
            self.wfile.write(self.page)
            return
        super().do_GET()

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serving(site, page):
    handler = functools.partial(type("Handler", (BookHandler,), {"page": page.encode()}),
                                directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def program(name, package):
    path = shutil.which(name)
    if path is None:
        sys.exit(f"pdf: `{name}` is not installed: sudo apt-get install {package}")
    return path


def print_pdf(site, page, out, draft=False):
    """Chromium prints `page` (HTML) served next to `site`; refuses every off-host request.
    A draft has the same layout, without what costs time and moves nothing: backgrounds, the
    footer, the outline (about three times faster)."""
    from playwright.sync_api import sync_playwright

    refused = []

    def route(request_route):
        url = request_route.request.url
        if url.startswith((origin + "/", "data:", "blob:")):
            request_route.continue_()
        else:
            refused.append(url)
            request_route.abort()

    with serving(site, page) as origin, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=program("chromium", "chromium"),
            args=["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync",
                  "--disable-background-networking", "--disable-component-update"])
        try:
            context = browser.new_context()
            context.route("**/*", route)
            tab = context.new_page()
            tab.goto(origin + BOOK_PATH, wait_until="load", timeout=120_000)
            finish = {} if draft else {
                "print_background": True, "outline": True, "display_header_footer": True,
                "header_template": "<span></span>", "footer_template": FOOTER}
            tab.pdf(path=str(out), format="A4", **finish,
                    margin={"top": "14mm", "bottom": "16mm", "left": "14mm", "right": "14mm"})
        finally:
            browser.close()
    if refused:
        sys.exit("pdf: the print page asked for addresses off this machine (refused): "
                 + ", ".join(sorted(set(refused))))


def start_pages(pdf):
    """{page id: number of the PDF page it starts on}, from the PDF's named destinations."""
    listed = subprocess.run([program("pdfinfo", "poppler-utils"), "-dests", str(pdf)],
                            capture_output=True, text=True, check=True).stdout
    return {m[2]: int(m[1])
            for m in re.finditer(r'^\s*(\d+)\s+\[[^\]]*\]\s+"(p-[a-z0-9-]+)"\s*$', listed, re.M)}


def make(site, out):
    pages = nav_pages()
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        draft = Path(tmp) / "draft.pdf"
        print_pdf(site, book(site, pages), draft, draft=True)
        numbers = start_pages(draft)
    missing = [page_id(p) for _, p in pages if page_id(p) not in numbers]
    if missing:
        sys.exit(f"pdf: no page number found for {', '.join(missing[:5])}"
                 f"{' ...' if len(missing) > 5 else ''} (pdfinfo -dests)")
    print_pdf(site, book(site, pages, numbers), out)
    if (moved := {k: v for k, v in start_pages(out).items() if numbers.get(k) != v}):
        sys.exit(f"pdf: pages moved between the two prints, so the contents would be wrong: {moved}")
    return len(pages)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", nargs="?", type=Path, default=OUT)
    parser.add_argument("--site", type=Path, help="a site built already (else: a strict build)")
    args = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            sys.path.insert(0, str(ROOT / "scripts"))
            from site_build import build

            site = Path(tmp) / "site"
            print("Building the site (strict) ...", flush=True)
            if problems := build(site):
                sys.exit("pdf: the build failed:\n" + "\n".join(f"  - {p}" for p in problems))
        print("Printing the guide with Chromium ...", flush=True)
        count = make(site.resolve(), args.out.resolve())
    out = args.out.resolve()
    shown = out.relative_to(ROOT) if out.is_relative_to(ROOT) else out
    print(f"Wrote {shown}: {count} pages of the guide, {out.stat().st_size / 2**20:.1f} MiB, "
          f"in {time.monotonic() - started:.0f} s.")


if __name__ == "__main__":
    main()
