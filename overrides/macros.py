"""Build-time macros: run the examples and put their real output on the page.

Pages call these with mkdocs-macros, whose delimiters are {@ @} (see
mkdocs.yml), so Flask's own Jinja in a page is left alone:

    {@ http("routing/methods.py", "DELETE /items/1") @}   one request, real response
    {@ run("lifecycle/hook_order.py", "trace") @}          a function's return value
    {@ versions.flask @}                                   what the build installed
"""

import contextlib
import importlib
import io
import logging
import platform
import re
import sys
import textwrap
from importlib.metadata import version
from pathlib import Path

import flask
from werkzeug.test import EnvironBuilder

ROOT = Path(__file__).resolve().parent.parent
log = logging.getLogger("mkdocs.plugins.flask_field_guide")

# Flask-Jinja fragments a page may show; rendering must leave each one intact.
FLASK_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
MAX_BODY_LINES = 30


def define_env(env):
    versions = {
        "flask": version("flask"),
        "werkzeug": version("werkzeug"),
        "jinja2": version("jinja2"),
        "python": platform.python_version(),
    }
    env.variables["versions"] = versions
    env.conf["extra"]["tested_with"] = versions  # read by overrides/main.html

    # A rebuild under `mkdocs serve` must see edited snippets, not cached ones.
    for name in [m for m in sys.modules if m == "snippets" or m.startswith("snippets.")]:
        del sys.modules[name]
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))

    @env.macro
    def http(example, request, indent=4, app="app", client=None, url_for=None, **client_kwargs):
        """Send one request to an example's app; show the request and the response.

        Calls on one page that name the same `client` share it, and so its cookies.
        `url_for={"endpoint": "static", "filename": "app.css"}` asks the app for the
        path, as a page of it would, instead of typing it ("GET" alone is the request).
        """
        method, _, path = request.partition(" ")
        key = (example, app, client)
        if client is None or key not in _clients:
            _clients[key] = _app(example, app).test_client()
        if url_for:
            with _clients[key].application.test_request_context():
                path = flask.url_for(**url_for)
        with contextlib.redirect_stderr(io.StringIO()):  # a 500 example's traceback is not news
            response = _clients[key].open(path, method=method, **client_kwargs)
        shown = _format_request(method, path, client_kwargs, response.request.headers.get("Cookie"))
        request_block = _fence("http", shown, indent, title="Request")
        response_block = _fence("http", _format_response(response), indent, title="Response")
        return request_block + "\n\n" + " " * indent + response_block

    @env.macro
    def run(example, function, indent=4, lang="text"):
        """Call a function of an example and show what it returns."""
        result = getattr(_module(example), function)()
        return _fence(lang, str(result).rstrip("\n"), indent)


_clients = {}


def on_pre_page_macros(env):
    _clients.clear()
    env.variables["_source_markdown"] = env.markdown


def on_post_page_macros(env):
    """Fail the build if rendering changed any Flask Jinja a page shows."""
    source, page = env.variables.pop("_source_markdown"), env.page.file.src_path
    if "{% raw %}" in source:
        log.error(
            "docs/%s: '{%% raw %%}' is not needed here and would show literally. "
            "Macros use {@ @} in this guide; write Flask's Jinja as it is.", page
        )
    for fragment in sorted(set(FLASK_JINJA.findall(source))):
        if env.markdown.count(fragment) < source.count(fragment):
            log.error(
                "docs/%s: mkdocs-macros altered the Jinja example %r. Keep the {@ @} "
                "delimiters in mkdocs.yml (plugins > macros) so Flask's Jinja is left alone.",
                page, fragment,
            )


def _module(example):
    """Import snippets/<example> as a module: 'routing/methods.py' -> snippets.routing.methods."""
    dotted = "snippets." + example.removesuffix(".py").replace("/", ".")
    return importlib.import_module(dotted)


def _app(example, attribute):
    module = _module(example)
    if attribute.endswith("()"):
        return getattr(module, attribute[:-2])()
    return getattr(module, attribute)


def _format_request(method, path, client_kwargs, cookie):
    options = {k: v for k, v in client_kwargs.items() if k in _BUILDER_OPTIONS}
    request = EnvironBuilder(path=path, method=method, **options).get_request()
    lines = [f"{method} {request.full_path.rstrip('?')} HTTP/1.1"]
    for name, value in client_kwargs.get("headers", {}).items():
        lines.append(f"{name}: {value}")
    if cookie:
        lines.append(f"Cookie: {cookie}")
    body = request.get_data(as_text=True)
    if body:
        lines += [f"Content-Type: {request.content_type}", "", body]
    return "\n".join(lines)


_BUILDER_OPTIONS = {"query_string", "headers", "data", "json", "content_type"}


def _format_response(response):
    lines = [f"HTTP/1.1 {response.status}"]
    lines += [f"{name}: {value}" for name, value in response.headers.items()]
    body_lines = response.get_data(as_text=True).splitlines()
    if len(body_lines) > MAX_BODY_LINES:
        body_lines = body_lines[:MAX_BODY_LINES] + [f"... ({len(body_lines)} lines in all)"]
    if body_lines:
        lines += [""] + body_lines
    return "\n".join(lines)


def _fence(lang, text, indent, title=""):
    header = f'```{lang} title="{title}"' if title else f"```{lang}"
    block = f"{header}\n{text}\n```"
    return textwrap.indent(block, " " * indent)[indent:]
