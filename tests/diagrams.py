"""What every diagram of the guide must be, checked on its SVG file. The chapters' own tests add
what each one shows; tests/browser/test_readability.py measures the labels as drawn.

    root = diagrams.load(path)      # well-formed, or the test fails here
    diagrams.check(root, path.read_text())
"""

import re
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/2000/svg}"


def load(path):
    return ET.fromstring(path.read_text(encoding="utf-8"))  # raises if not well-formed


def check(root, text):
    """Accessible, about 640 units wide, self-contained, and drawn in the theme's colours."""
    assert root.tag == f"{NS}svg" and root.get("role") == "img"
    assert root.get("viewBox").split()[2] == "640"
    assert root.find(f"{NS}title").text and root.find(f"{NS}desc") is not None
    for element in root.iter():
        assert element.tag not in {f"{NS}image", f"{NS}script", f"{NS}foreignObject"}
        for name in element.attrib:
            assert not name.endswith("href") and name != "src", name
        for attribute in ("fill", "stroke", "color"):
            assert element.get(attribute) in {None, "none", "currentColor"}, attribute
    assert "url(" not in text and "@import" not in text and "https://" not in text
    assert not re.search(r"#(?:000|fff)\b|\b(?:black|white)\b", text, re.I)
    style = root.find(f"{NS}style").text
    assert "fill: currentColor" in style
    assert "var(--md-primary-fg-color" in style and "var(--md-accent-fg-color" in style


def labels(root, css_class=None):
    return [t.text for t in root.iter(f"{NS}text") if css_class is None or t.get("class") == css_class]
