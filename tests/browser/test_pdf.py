"""The printed edition: `python3 scripts/dev.py pdf` and the chapters' cheat sheets.

The PDF is read back with poppler's pdftotext and pdfinfo, as a reader's viewer would show it:
every chapter in its place in the contents, at the page the contents says, a recorded "Try it"
response and the code next to it (both tabs printed), a folded answer printed open, and a page
number on every page. The cheat sheets are checked against the pages they are made from, and in
Chromium with print media (what a reader's Ctrl+P gives).
"""

import html
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from overrides.macros import printing, records
from tests.browser_tools import watched_page
from tests.conftest import ROOT
from tests.servers import program

sys.path.insert(0, str(ROOT / "scripts"))
import pdf

pytestmark = pytest.mark.timeout(1500)  # printing 1,100 pages twice takes minutes on a busy machine
CHAPTERS = ["foundations", "routing", "requests", "templates", "contexts", "lifecycle",
            "structure", "extensions", "security", "testing", "deployment", "scaling"]


@pytest.fixture(scope="module")
def printed(site, tmp_path_factory):
    """The PDF as pdftotext reads it: the text of each page, 1-based, and its named destinations
    (FFG_PDF: one printed already, else scripts/pdf.py prints the built site)."""
    if not (out := os.environ.get("FFG_PDF")):
        out = tmp_path_factory.mktemp("pdf") / "guide.pdf"
        subprocess.run([sys.executable, ROOT / "scripts" / "pdf.py", out, "--site", site],
                       cwd=ROOT, check=True, timeout=1500)
    text = subprocess.run([program("pdftotext"), "-layout", out, "-"], capture_output=True,
                          text=True, check=True).stdout
    pages = [""] + text.split("\f")[:-1]
    return {"path": Path(out), "pages": pages, "starts": pdf.start_pages(out)}


def squeeze(text):
    """Text with its runs of white space made one space (pdftotext -layout pads columns)."""
    return re.sub(r"\s+", " ", text).strip()


def flat(text):
    """Text without white space: pdftotext puts a space around inline code, the page does not."""
    return re.sub(r"\s+", "", text)


def built_title(site, path):
    page = (site / pdf.page_url(path).lstrip("/") / "index.html").read_text(encoding="utf-8")
    title = re.sub(r"<a class=\"headerlink\".*?</a>|<[^>]+>", "", pdf.H1.search(page).group(1))
    return html.unescape(title).strip()


def test_the_contents_list_every_chapter_and_page_at_the_page_it_starts_on(printed, site):
    pages, starts = printed["pages"], printed["starts"]
    contents = flat(" ".join(pages[2:starts["p-index"]]))
    assert contents.startswith("Contents")
    sections = []
    for section, path in pdf.nav_pages():
        title, start = built_title(site, path), starts[pdf.page_id(path)]
        assert re.search(re.escape(flat(title)) + str(start) + r"(?!\d)", contents), \
            f"{path}: '{title} ... {start}' is not in the contents"
        assert flat(title) in flat(pages[start]), f"{path}: not on page {start}"
        if section and section not in sections:
            sections.append(section)
            assert flat(section) in contents, f"chapter {section!r} is not in the contents"
    assert len(sections) >= 13 and "Routing" in sections and "Questions" in sections


def test_every_page_has_its_number(printed):
    pages = printed["pages"]
    total = len(pages) - 1
    for number in range(1, total + 1):
        assert f"Flask Field Guide · {number} / {total}" in pages[number], f"page {number}"


def test_a_try_it_and_its_code_are_both_printed(printed):
    """The recorded response to `OPTIONS /submit` on the routes page, and the code tab's view."""
    key = "docs/routing/routes-and-methods.md · http('routing/methods.py', 'OPTIONS /submit')"
    [(_, request), (_, response)] = records.read(records.path_for(ROOT, "routing/methods.py"))[key]
    assert "Allow: POST, OPTIONS" in response
    first = printed["starts"]["p-routing-routes-and-methods"]
    chapter = flat(" ".join(printed["pages"][first:printed["starts"]["p-routing-variable-rules"] + 1]))
    for line in [request, *response.splitlines()]:
        assert flat(line) in chapter, f"{line!r} is not printed on the routes page"
    assert flat('@app.route("/submit", methods=["POST"])') in chapter  # the Code tab of the same set


def test_folded_answers_print_open(printed):
    """The self-check page folds its answers; on paper they are all there."""
    starts, pages = printed["starts"], printed["pages"]
    checks = flat(" ".join(pages[starts["p-routing-self-check"]:starts["p-routing-cheat-sheet"] + 1]))
    for question, answer, _ in printing.self_check("routing"):
        first_words = flat(re.sub(r"[`*]|\[([^]]*)\]\([^)]*\)", r"\1", answer))[:40]
        assert first_words in checks, f"the answer to {question!r} is not printed"


def test_the_pdf_is_a_book_not_a_dump(printed):
    """An outline for the viewer's sidebar, and a size one can mail."""
    info = subprocess.run([program("pdftotext").replace("pdftotext", "pdfinfo"), printed["path"]],
                          capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+(\d+)", info, re.M)
    assert printed["path"].stat().st_size < 40 * 2**20
    assert "Key points" in printed["pages"][printed["starts"]["p-routing-cheat-sheet"]]


def test_a_request_off_this_machine_stops_the_print(site, tmp_path):
    hostile = '<!doctype html><p>x</p><img src="https://example.com/track.png" alt="">'
    with pytest.raises(SystemExit, match="example.com"):
        pdf.print_pdf(site, hostile, tmp_path / "x.pdf")


def text_of(fragment):
    return squeeze(html.unescape(re.sub(r"<[^>]+>", "", fragment)))


def abstract_bullets(page_html, title):
    block = re.search(r'<p class="admonition-title">%s</p>\s*<ul>(.*?)</ul>' % re.escape(title),
                      page_html, re.S)
    return [text_of(item) for item in re.findall(r"<li>(.*?)</li>", block.group(1), re.S)] if block else []


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_a_cheat_sheet_holds_the_interview_answer_every_key_point_and_the_self_check(site, chapter):
    def built(path):
        return (site / pdf.page_url(path).lstrip("/") / "index.html").read_text(encoding="utf-8")

    sheet = built(f"{chapter}/cheat-sheet.md")
    text = text_of(sheet)
    interview = abstract_bullets(built(f"{chapter}/self-check.md"), "In an interview")
    assert 4 <= len(interview) and all(point in text for point in interview)
    pages = printing.topic_pages(_nav(), chapter)
    with_points = [p for p in pages if abstract_bullets(built(p), "Key points")]
    assert len(with_points) >= len(pages) - 1  # contexts' Flask 3.2 preview has none
    for page in with_points:
        for point in abstract_bullets(built(page), "Key points"):
            assert point in text, f"{page}: key point {point!r} is missing"
    folded = re.findall(r'<details class="question"[^>]*>\s*<summary>(.*?)</summary>',
                        built(f"{chapter}/self-check.md"), re.S)
    shown = re.findall(r"<li>\s*<p><strong>(.*?)</strong></p>", sheet, re.S)
    assert len(folded) >= 5 and [text_of(q) for q in shown] == [text_of(q) for q in folded]


def _nav():
    from mkdocs.utils.yaml import yaml_load

    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        return yaml_load(f)["nav"]


def test_a_printed_cheat_sheet_is_the_article_alone_with_no_code_cut(browser, site_url):
    page, watch = watched_page(browser, site_url)
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    page.emulate_media(media="print")
    for path in ["routing/cheat-sheet/", "routing/routes-and-methods/", "lifecycle/hooks/"]:
        assert page.goto(site_url + path).status == 200
        for chrome in [".md-header", ".md-sidebar--primary", ".md-search", ".md-footer", ".md-tags"]:
            assert not page.locator(chrome).first.is_visible(), f"{path}: {chrome} is printed"
        cut = page.evaluate("""[...document.querySelectorAll('.md-typeset pre > code')]
            .filter(c => c.scrollWidth > c.clientWidth + 1).length""")
        assert cut == 0, f"{path}: {cut} code blocks are cut at the right edge in print"
        # every tab and fold prints, but "Edit and run", which needs a browser (print.css)
        hidden = page.evaluate("""[...document.querySelectorAll('.tabbed-block:not(.ffg-runner), details:not(.ffg-runner__fold) > *')]
            .filter(b => b.textContent.trim() && !b.offsetHeight).length""")
        assert hidden == 0, f"{path}: {hidden} tabs or folds are not printed"
    page.context.close()
    assert not watch.requests and not watch.errors


def test_only_real_links_and_ids_are_rewritten_never_the_text_of_an_example(tmp_path):
    """A response body shown on a page may read href="/x/"; the book must print it as it is."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<article class="md-content__inner md-typeset"><h1 id="t">T</h1>'
        '<p><a href="../b/#s">b</a> <a href="../gone/">gone</a></p>'
        '<pre><code>&lt;a href="/b/" id="x"&gt;moved&lt;/a&gt;</code></pre>'
        '<details class="example"><summary>s</summary><p id="x">x</p></details></article>')
    body, title, _ = pdf.article(tmp_path, "a.md", {"/a/": "p-a", "/b/": "p-b"})
    assert title == "T" and '<h1 id="p-a">' in body
    assert '<a href="#p-b__s">b</a>' in body and "<a data-left-out=" in body
    assert '&lt;a href="/b/" id="x"&gt;moved' in body  # the example's text, untouched
    assert '<details open class="example">' in body and '<p id="p-a__x">' in body
