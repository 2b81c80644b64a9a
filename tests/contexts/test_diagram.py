"""The contexts diagram: well-formed, self-contained, themed, and about the right objects."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

SVG = Path(__file__).resolve().parents[2] / "snippets" / "contexts" / "contexts_diagram.svg"
NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def svg_text():
    return SVG.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def root(svg_text):
    return ET.fromstring(svg_text)          # raises if the XML is not well-formed


def test_is_an_accessible_svg(root):
    assert root.tag == f"{NS}svg"
    assert root.get("viewBox") == "0 0 820 524"
    assert root.get("role") == "img"
    assert root.find(f"{NS}title").text.startswith("Flask's contexts")


def test_references_nothing_outside_itself(root, svg_text):
    for element in root.iter():
        for name, value in element.attrib.items():
            if name.endswith("href") or name == "src":
                assert value.startswith("#"), (name, value)
        assert element.tag not in {f"{NS}image", f"{NS}script", f"{NS}foreignObject"}
    assert re.findall(r"url\(\s*['\"]?(?!#)", svg_text) == []   # only url(#marker)
    assert "@import" not in svg_text


def test_colours_follow_the_theme(root, svg_text):
    assert not re.search(r"#(?:000|fff)\b|\b(?:black|white)\b|rgb\(", svg_text, re.I)
    for element in root.iter():
        for attribute in ("fill", "stroke", "color"):
            value = element.get(attribute)
            assert value is None or value in {"none", "currentColor"}, (element.tag, value)
    style = root.find(f"{NS}style").text
    assert "fill: currentColor" in style
    assert "var(--md-primary-fg-color)" in style and "var(--md-accent-fg-color)" in style


def test_names_the_objects_it_shows(root):
    words = " ".join(text.text for text in root.iter(f"{NS}text"))
    for name in ("current_app", "_cv_app", "_cv_request", "AppContext", "RequestContext",
                 ".request", ".session", ".app", ".g", "LocalProxy", "ContextVar"):
        assert name in words, name
    labels = {text.text for text in root.iter(f"{NS}text")}
    assert {"current_app", "g", "request", "session"} <= labels


def test_the_built_page_shows_it_inside_a_diagram_figure(site):
    html = (site / "contexts" / "index.html").read_text(encoding="utf-8")
    figure = re.search(r'<figure class="ffg-diagram">(.*?)</figure>', html, re.S)
    assert figure and '<svg xmlns="http://www.w3.org/2000/svg" class="ffg-ctx"' in figure.group(1)
    assert "<figcaption>" in figure.group(1)
