"""The push/pop timeline on the app and request context page: self-contained,
themed, readable on a phone, and in the order Flask really runs."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from snippets.contexts import what_pushes_a_context as example

SVG = (Path(__file__).resolve().parents[2] / "snippets" / "contexts"
       / "push_pop_timeline.svg")
NS = "{http://www.w3.org/2000/svg}"
PHONE_COLUMN = 358   # a 390 px phone less Material's 16 px margins


@pytest.fixture(scope="module")
def svg_text():
    return SVG.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def root(svg_text):
    return ET.fromstring(svg_text)          # raises if the XML is not well-formed


def steps(root):
    return [t.text for t in root.iter(f"{NS}text") if t.get("class") == "ffg-pp-step"]


def test_is_an_accessible_svg_about_640_wide(root):
    assert root.tag == f"{NS}svg"
    assert root.get("role") == "img"
    assert root.get("viewBox").split()[2] == "640"
    assert root.find(f"{NS}title").text.startswith("Contexts during one request")


def test_references_nothing_outside_itself_and_follows_the_theme(root, svg_text):
    for external in ("href", "<image", "<script", "@import", "url(", "https://"):
        assert external not in svg_text, external
    assert svg_text.count("http://") == 1   # the SVG namespace, never fetched
    for element in root.iter():
        for attribute in ("fill", "stroke", "color"):
            assert element.get(attribute) in {None, "none", "currentColor"}
    style = root.find(f"{NS}style").text
    assert "fill: currentColor" in style
    assert "var(--md-primary-fg-color" in style and "var(--md-accent-fg-color" in style


def test_labels_are_at_least_11_px_on_a_phone(root):
    sizes = [float(size) for size in
             re.findall(r"font-size:\s*([\d.]+)px", root.find(f"{NS}style").text)]
    scale = PHONE_COLUMN / float(root.get("viewBox").split()[2])
    assert sizes and min(sizes) * scale >= 11


def test_labels_stay_inside_their_boxes(root):
    """Each label, at a generous 0.62 em per character, ends inside the box
    drawn just before it."""
    box = None
    for element in root:
        if element.tag == f"{NS}rect" and "ffg-pp-bar" not in element.get("class"):
            box = element
        elif element.tag == f"{NS}text" and element.get("transform") is None:
            right = float(box.get("x")) + float(box.get("width"))
            assert float(element.get("x")) + len(element.text) * 20 * 0.62 <= right - 8, element.text
            top, height = float(box.get("y")), float(box.get("height"))
            assert top + 18 <= float(element.get("y")) <= top + height - 6, element.text


def test_the_steps_follow_the_recorded_push_and_pop_order(root):
    example.events.clear()
    example.app.test_client().get("/traced")
    recorded = [line.split("  ")[0] for line in example.events]
    assert recorded == ["app context pushed", "view runs", "teardown_request",
                        "teardown_appcontext", "app context popped"]
    shown = steps(root)
    assert shown[0] == "app context pushed" and shown[-1] == "app context popped"
    where = [next(i for i, step in enumerate(shown) if step.startswith(name))
             for name in ("app context pushed", "request context pushed",
                          "before_request hooks, view", "response",
                          "teardown_request", "request context popped",
                          "teardown_appcontext", "app context popped")]
    assert where == sorted(where) and len(shown) == 8


def test_the_built_page_shows_it_inside_a_diagram_figure(site):
    html = (site / "contexts" / "app-and-request-context" / "index.html").read_text(encoding="utf-8")
    figure = re.search(r'<figure class="ffg-diagram">(.*?)</figure>', html, re.S)
    assert figure and 'class="ffg-pp"' in figure.group(1)
    assert "<figcaption>" in figure.group(1)
