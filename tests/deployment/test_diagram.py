"""The deployment diagram is self-contained SVG and agrees with the config files."""

import re
import xml.etree.ElementTree as ET

from tests.deployment.stack import CONFIG, DEPLOY, SITE

SVG = DEPLOY / "deployment_diagram.svg"
NS = "{http://www.w3.org/2000/svg}"


def labels():
    return [t.text for t in ET.parse(SVG).getroot().iter(f"{NS}text")]


def test_the_diagram_is_self_contained_svg():
    root = ET.parse(SVG).getroot()  # raises if the SVG is not well-formed XML
    assert root.tag == f"{NS}svg"
    text = SVG.read_text(encoding="utf-8")
    for external in ("href", "<image", "<script", "@import", "url(", "https://"):
        assert external not in text, external
    assert text.count("http://") == 1  # the SVG namespace, which is never fetched
    assert "currentColor" in text and "var(--md-accent-fg-color" in text
    assert not re.search(r'(fill|stroke)="#', text)


def test_the_diagram_matches_the_config_it_draws():
    shown = labels()
    for box in ("Client", "nginx", "Gunicorn", "master", "worker 1", "create_app()"):
        assert box in shown
    body_limit = re.search(r"client_max_body_size (\w+);", SITE.read_text()).group(1)
    assert f"413 above {body_limit}" in shown
    threads = re.search(r"^threads = (\d+)", CONFIG.read_text(), re.MULTILINE).group(1)
    assert shown.count(f"{threads} threads") == 3
    bind = re.search(r'"GUNICORN_BIND", "([^"]+)"', CONFIG.read_text()).group(1)
    assert bind in shown
