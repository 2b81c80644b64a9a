"""The routing diagram: well-formed, self-contained, themed, readable on a phone."""

import re
from pathlib import Path

import pytest

from tests import diagrams
from tests.diagrams import NS

SNIPPETS = Path(__file__).resolve().parents[2] / "snippets" / "routing"
DIAGRAMS = {"routing_flow.svg": (".", "url_adapter")}


@pytest.fixture(params=sorted(DIAGRAMS), scope="module")
def diagram(request):
    path = SNIPPETS / request.param
    return request.param, path.read_text(encoding="utf-8"), diagrams.load(path)


def test_is_an_accessible_self_contained_themed_diagram(diagram):
    _, text, root = diagram
    diagrams.check(root, text)  # labels as drawn: tests/browser/test_readability.py


def test_names_what_it_shows(diagram):
    name, _, root = diagram
    words = [text.text for text in root.iter(f"{NS}text")]
    assert DIAGRAMS[name][1] in words
    for exit in ("404 Not Found", "405 Method Not Allowed", "308 Permanent Redirect"):
        assert exit in words
    assert "app.view_functions" in words and "view(**view_args)" in words


def test_the_built_pages_show_them_inside_a_diagram_figure(site):
    for name in DIAGRAMS.items():
        html = (site / "routing" / "index.html").read_text(encoding="utf-8")
        figure = re.search(r'<figure class="ffg-diagram">(.*?)</figure>', html, re.S)
        assert figure and "<svg" in figure.group(1) and "<figcaption>" in figure.group(1), name
