"""The routing diagram: well-formed, self-contained, themed, readable on a phone."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

SNIPPETS = Path(__file__).resolve().parents[2] / "snippets" / "routing"
NS = "{http://www.w3.org/2000/svg}"
DIAGRAMS = {"routing_flow.svg": (".", "url_adapter")}


@pytest.fixture(params=sorted(DIAGRAMS), scope="module")
def diagram(request):
    text = (SNIPPETS / request.param).read_text(encoding="utf-8")
    return request.param, text, ET.fromstring(text)  # raises if not well-formed


def test_is_an_accessible_svg_about_640_wide(diagram):
    _, _, root = diagram
    assert root.tag == f"{NS}svg"
    assert root.get("viewBox").split()[2] == "640"
    assert root.get("role") == "img"
    assert root.find(f"{NS}title").text and root.find(f"{NS}desc").text


def test_references_nothing_outside_itself(diagram):
    _, text, root = diagram
    for element in root.iter():
        for name, value in element.attrib.items():
            assert not name.endswith("href") and name != "src", (name, value)
        assert element.tag not in {f"{NS}image", f"{NS}script", f"{NS}foreignObject"}
    assert "url(" not in text and "@import" not in text


def test_colours_follow_the_theme(diagram):
    _, text, root = diagram
    assert not re.search(r"#(?:000|fff)\b|\b(?:black|white)\b", text, re.I)
    for element in root.iter():
        for attribute in ("fill", "stroke", "color"):
            assert element.get(attribute) in {None, "none", "currentColor"}
    style = root.find(f"{NS}style").text
    assert "fill: currentColor" in style
    assert "var(--md-primary-fg-color" in style and "var(--md-accent-fg-color" in style


def test_text_stays_11px_on_a_390px_phone(diagram):
    """At about 350 px of content width the 640-unit drawing shrinks to 0.55."""
    _, _, root = diagram
    sizes = [int(size) for size in re.findall(r"font-size: (\d+)px", root.find(f"{NS}style").text)]
    assert sizes and min(sizes) * 350 / 640 >= 10.9


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
