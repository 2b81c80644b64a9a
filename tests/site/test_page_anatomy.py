"""Every page has the same study structure (issue: reading as a learner).

- A topic page ends with 4-6 **Key points**: `!!! abstract "Key points"` and bullets, last on the page.
- A chapter ends with its interview answer: the self-check page's last block is
  `!!! abstract "In an interview"` with 4-8 bullets you can say aloud; the index no longer has it.
- Flask 3.2 is one "what's coming" box per page at most (the 3.2 pages aside).
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
CHAPTERS = ["foundations", "routing", "requests", "templates", "contexts", "lifecycle",
            "structure", "extensions", "security", "testing", "deployment", "scaling"]
# A cheat sheet is not a topic: it is made of the chapter's key points (overrides/macros/printing.py).
NOT_TOPICS = {"index.md", "self-check.md", "flask-3-2.md", "cheat-sheet.md"}
TOPIC_PAGES = sorted(p for c in CHAPTERS for p in (DOCS / c).glob("*.md") if p.name not in NOT_TOPICS)


def body(page):
    text = page.read_text(encoding="utf-8")
    return text.split("\n---\n", 1)[1] if text.startswith("---\n") else text


def last_block(page, title):
    """The bullets of the page's final admonition if it is `!!! abstract "<title>"`, else None."""
    found = re.search(r'^!!! abstract "%s"\n((?:    .*\n|\n)+)\Z' % re.escape(title), body(page).rstrip() + "\n", re.M)
    if not found:
        return None
    return [line for line in found.group(1).splitlines() if re.match(r"    [-*] ", line)]


@pytest.mark.parametrize("page", TOPIC_PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_a_topic_page_ends_with_four_to_six_key_points(page):
    points = last_block(page, "Key points")
    assert points is not None, 'end the page with !!! abstract "Key points" and its bullets'
    assert 4 <= len(points) <= 6, f"{len(points)} key points; give 4 to 6"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_a_chapter_ends_with_its_interview_answer_as_bullets(chapter):
    points = last_block(DOCS / chapter / "self-check.md", "In an interview")
    assert points is not None, 'end self-check.md with !!! abstract "In an interview" and bullets'
    assert 4 <= len(points) <= 8, f"{len(points)} bullets; give 4 to 8"
    assert '"In an interview"' not in (DOCS / chapter / "index.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("page", sorted(DOCS.rglob("*.md")), ids=lambda p: str(p.relative_to(DOCS)))
def test_flask_3_2_is_one_box_per_page_at_most(page):
    if page.name == "flask-3-2.md" or page.parent.name == "questions":
        return
    boxes = re.findall(r'^\s*[!?]{3}\+? note "Flask 3\.2', page.read_text(encoding="utf-8"), re.M)
    assert len(boxes) <= 1, f"{len(boxes)} Flask 3.2 boxes; merge them into one what's-coming box"
