"""The order of hooks and signals, and the diagram that must match it."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from snippets.lifecycle.hook_order import app, events, steps, trace

SVG = Path(__file__).resolve().parents[2] / "snippets" / "lifecycle" / "request_lifecycle.svg"
NS = {"svg": "http://www.w3.org/2000/svg"}


def test_every_hook_and_signal_fires_in_this_order():
    assert [(step, detail) for step, detail, *_ in events()] == [
        ("wsgi_app(environ, start_response)", "called by the server"),
        ("appcontext_pushed", "signal"),
        ("open_session", "session_interface"),
        ("match URL", "converter to_python"),
        ("request_started", "signal"),
        ("url_value_preprocessor", "app"),
        ("url_value_preprocessor", "blueprint shop"),
        ("before_request", "app"),
        ("before_request", "blueprint shop"),
        ("view", "show_item(item='pen')"),
        ("make_response", "view value -> Response"),
        ("after_this_request", "registered by the view"),
        ("after_request", "blueprint shop"),
        ("after_request", "app, registered 2nd"),  # reverse registration order
        ("after_request", "app, registered 1st"),
        ("save_session", "session_interface"),
        ("request_finished", "signal"),
        ("start_response", "status 200 OK, headers"),
        ("teardown_request", "blueprint shop"),
        ("teardown_request", "app"),
        ("request_tearing_down", "signal"),
        ("teardown_appcontext", "app"),
        ("appcontext_tearing_down", "signal"),
        ("appcontext_popped", "signal"),
        ("wsgi_app returns", "server sends the body"),
    ]


def test_which_context_is_active_at_each_step():
    active = {step: (in_request, in_app) for step, _, in_request, in_app in events()}
    assert active["wsgi_app(environ, start_response)"] == (False, False)
    assert active["appcontext_pushed"] == (False, True)  # app context first: g exists before request
    assert active["open_session"] == (True, True)
    assert active["request_tearing_down"] == (True, True)
    assert active["teardown_appcontext"] == (False, True)  # request already gone
    assert active["appcontext_popped"] == (False, False)
    assert active["wsgi_app returns"] == (False, False)


def test_the_status_reaches_the_server_before_teardown():
    order = steps()
    assert order.index("start_response") < order.index("teardown_request")


def test_the_response_is_unchanged_by_tracing():
    response = app.test_client().get("/shop/ink")
    assert response.status_code == 200
    assert response.text == "item ink"


def test_the_table_on_the_page_lists_every_event():
    lines = trace().splitlines()
    assert lines[0].split() == ["#", "what", "runs", "detail", "request", "app", "ctx"]
    assert len(lines) == 1 + len(events())
    assert re.match(r"14\s+after_request\s+app, registered 2nd\s+yes\s+yes", lines[14])


def svg_tree():
    return ET.parse(SVG).getroot()  # raises if the SVG is not well-formed XML


def test_the_diagram_is_self_contained_svg():
    root = svg_tree()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    text = SVG.read_text(encoding="utf-8")
    for external in ("href", "<image", "<script", "@import", "url(", "https://"):
        assert external not in text, external
    assert text.count("http://") == 1  # the SVG namespace, which is never fetched
    assert "currentColor" in text and "var(--md-accent-fg-color" in text
    assert not re.search(r'(fill|stroke)="#', text)  # colours come from the theme


def test_the_diagram_shows_the_recorded_steps_in_the_recorded_order():
    labels = [t.text for t in svg_tree().iter(f"{{{NS['svg']}}}text")
              if "ffg-lc-step" in t.get("class", "")]
    assert labels == steps()


def test_the_diagram_context_bars_match_the_recorded_contexts():
    recorded = events()
    in_request = [step for step, _, request, _ in recorded if request]
    in_app = [step for step, _, _, app_ctx in recorded if app_ctx]
    bars = {rect.get("class"): (rect.get("data-first"), rect.get("data-last"))
            for rect in svg_tree().iter(f"{{{NS['svg']}}}rect") if rect.get("data-first")}
    assert bars == {
        "ffg-lc-request": (in_request[0], in_request[-1]),
        "ffg-lc-app": (in_app[0], in_app[-1]),
    }


def test_session_changes_made_in_after_request_are_saved():
    from flask import Flask, session

    app = Flask(__name__)
    app.secret_key = "test"
    app.add_url_rule("/", view_func=lambda: "ok")

    @app.after_request
    def remember_visit(response):
        session["visited"] = True
        return response

    response = app.test_client().get("/")
    assert response.headers["Set-Cookie"].startswith("session=")
