"""The Foundations diagrams: well-formed, self-contained, themed, readable on a phone."""

import re
from pathlib import Path

import pytest

from tests import diagrams
from tests.diagrams import NS

SNIPPETS = Path(__file__).resolve().parents[2] / "snippets" / "foundations"
DIAGRAMS = {
    "wsgi_call.svg": ("wsgi", "app(environ, start_response)"),
    "reloader_processes.svg": ("reloader", "WERKZEUG_RUN_MAIN=true"),
}


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
    if name == "reloader_processes.svg":
        assert any("exit code 3" in word for word in words)
    else:
        assert "start_response(status, headers)" in words and "body.close()" in words


def test_the_built_pages_show_them_inside_a_diagram_figure(site):
    for name, (page, _) in DIAGRAMS.items():
        html = (site / "foundations" / page / "index.html").read_text(encoding="utf-8")
        figure = re.search(r'<figure class="ffg-diagram">(.*?)</figure>', html, re.S)
        assert figure and "<svg" in figure.group(1) and "<figcaption>" in figure.group(1), name
