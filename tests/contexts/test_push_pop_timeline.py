"""The push/pop timeline on the app and request context page: self-contained,
themed, readable on a phone, and in the order Flask really runs."""

import re
from pathlib import Path

import pytest

from tests import diagrams
from tests.diagrams import NS

from snippets.contexts import what_pushes_a_context as example

SVG = (Path(__file__).resolve().parents[2] / "snippets" / "contexts"
       / "push_pop_timeline.svg")


@pytest.fixture(scope="module")
def svg_text():
    return SVG.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def root():
    return diagrams.load(SVG)


def steps(root):
    return [t.text for t in root.iter(f"{NS}text") if t.get("class") == "ffg-pp-step"]


def test_is_an_accessible_self_contained_themed_diagram(root, svg_text):
    diagrams.check(root, svg_text)  # labels as drawn: tests/browser/test_readability.py


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
