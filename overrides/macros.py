"""Build-time macros: run the examples and put their real output on the page.

Pages call these with mkdocs-macros, whose delimiters are {@ @} (see
mkdocs.yml), so Flask's own Jinja in a page is left alone:

    {@ http("routing/methods.py", "DELETE /items/1") @}   one request, real response
    {@ run("lifecycle/hook_order.py", "trace") @}          a function's return value
    {@ versions.flask @}                                   what the build installed
"""

import contextlib
import functools
import importlib
import io
import logging
import platform
import re
import sys
import textwrap
import traceback
from importlib.metadata import version
from pathlib import Path

import flask
from werkzeug.test import EnvironBuilder

ROOT = Path(__file__).resolve().parent.parent
log = logging.getLogger("mkdocs.plugins.flask_field_guide")

# Flask-Jinja fragments a page may show; rendering must leave each one intact.
FLASK_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
MAX_BODY_LINES = 30
MAX_LINE = 300


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
    _drop_pages_whose_snippets_changed(Path(env.conf["docs_dir"]), Path(env.conf["site_dir"]))
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))

    @env.macro
    @_reported(env)
    def http(example, request, indent=4, app="app", client=None, url_for=None, status=None,
             **client_kwargs):
        """Send one request to an example's app; show the request and the response.

        A response of 400 or more fails the build unless the call states it
        (`status=404`), so a typo in a path never reaches a page as if it were the
        lesson; a stated status that differs fails too. Calls on one page that name
        the same `client` share it, and so its cookies.
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
        with contextlib.redirect_stderr(io.StringIO()) as logged:  # a 500's traceback: news only if unstated
            response = _clients[key].open(path, method=method, **client_kwargs)
        # With follow_redirects=True, every hop: the redirect the page teaches, then where it lands.
        hops = [*response.history, response]
        try:
            _check_status(response, status, _clients[key].application, logged.getvalue())
            first = _format_request(method, path, client_kwargs, hops[0].request.headers.get("Cookie"))
            blocks = []
            for number, hop in enumerate(hops):
                after = " (after the redirect)" if number else ""
                shown = first if not number else _format_followed(hop.request)
                blocks += [_fence("http", shown, indent, title=f"Request{after}"),
                           _fence("http", _format_response(hop), indent, title=f"Response{after}")]
        finally:
            for hop in hops:
                hop.close()  # a file response (send_file, static) holds its file open until closed
        return ("\n\n" + " " * indent).join(blocks)

    @env.macro
    @_reported(env)
    def run(example, function, indent=4, lang="text"):
        """Call a function of an example and show what it returns."""
        result = getattr(_module(example), function)()
        return _fence(lang, str(result).rstrip("\n"), indent)


class ExampleError(Exception):
    """Running an example for a page failed. The message names the page, the macro call
    and the reason, in a line a contributor can act on; scripts/check.py prints it."""


def _reported(env):
    """Wrap a macro so that any failure names the page and the call, and so that an example
    cannot change the logging MkDocs counts strict-mode warnings with."""
    def wrap(macro):
        @functools.wraps(macro)
        def call(*args, **kwargs):
            shown = ", ".join([*map(repr, args), *(f"{k}={v!r}" for k, v in kwargs.items())])
            where = f"docs/{env.page.file.src_path}: {macro.__name__}({shown})"
            saved = _build_logging()
            try:
                result = macro(*args, **kwargs)
            except ExampleError as error:
                raise ExampleError(f"{where}: {error}") from None
            except Exception as error:
                raise ExampleError(f"{where}: {_reason(error)}") from error
            finally:
                changed = _restore_build_logging(saved)
            if changed:
                raise ExampleError(
                    f"{where}: running the example changed the build's logging ({changed}), which "
                    "would hide strict-mode warnings. Put logging back in the example, as "
                    "snippets/extensions/migrate_app.py does around Alembic's fileConfig().")
            return result
        return call
    return wrap


def _reason(error):
    """'NameError: name 'x' is not defined (snippets/demo/greet.py:12)': the type, the message
    and the innermost line of a snippet the error passed through."""
    where = ""
    if isinstance(error, SyntaxError) and error.filename:
        where = f"{_relative(error.filename)}:{error.lineno}"
    for frame in traceback.extract_tb(error.__traceback__):
        if Path(frame.filename).resolve().is_relative_to(ROOT / "snippets"):
            where = f"{_relative(frame.filename)}:{frame.lineno}"
    return f"{type(error).__name__}: {error}" + (f" ({where})" if where else "")


def _relative(filename):
    path = Path(filename).resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else filename


def _check_status(response, status, app, logged):
    if status is not None and response.status_code != status:
        raise ExampleError(f"the response is {response.status}, but the call states status={status}.")
    if status is None and response.status_code >= 400:
        if raised := _logged_exception(logged):
            hint = f"the view raised {raised}"
        else:
            routes = ", ".join(sorted({rule.rule for rule in app.url_map.iter_rules()}))
            hint = f"if not, fix the method or path (the app's routes: {routes})"
        raise ExampleError(f"the response is {response.status}. If the page means to show it, say so "
                           f"with status={response.status_code}; {hint}.")


def _logged_exception(logged):
    """'TypeError: ... (snippets/x.py:9)' from the traceback Flask logged for a 500, or ''."""
    lines = [line for line in logged.splitlines() if line.strip()]
    frames = re.findall(r'File "([^"]+)", line (\d+)', logged)
    if not frames or not lines:
        return ""
    inside = [(f, n) for f, n in frames if Path(f).resolve().is_relative_to(ROOT / "snippets")]
    where = f" ({_relative(inside[-1][0])}:{inside[-1][1]})" if inside else ""
    return lines[-1].strip() + where


def _build_logging():
    """The state of MkDocs' loggers (and the root logger): strict mode counts warnings with a
    handler on the 'mkdocs' logger, so a disabled or re-plumbed logger hides them."""
    loggers = [logging.root, *(logger for name, logger in logging.root.manager.loggerDict.items()
                               if isinstance(logger, logging.Logger)
                               and (name == "mkdocs" or name.startswith("mkdocs.")))]
    return {logger: (logger.level, logger.handlers[:], logger.disabled, logger.propagate)
            for logger in loggers}


def _restore_build_logging(saved):
    """Put every saved logger back as it was; return what had changed, or ''."""
    changed = []
    for logger, state in saved.items():
        if (logger.level, logger.handlers, logger.disabled, logger.propagate) != state:
            changed.append(f"logger {logger.name!r}" + (" disabled" if logger.disabled else " altered"))
            level, logger.handlers[:], logger.disabled, logger.propagate = state
            logger.setLevel(level)
    return ", ".join(changed[:3]) + (f" and {len(changed) - 3} more" if len(changed) > 3 else "")


_clients = {}
SNIPPET_REFERENCE = re.compile(r'--8<--\s+"([^":]+)|\b(?:http|run)\(\s*"([^"]+)"')


def _drop_pages_whose_snippets_changed(docs, site):
    """`dev.py serve` rebuilds only pages whose Markdown changed (`--dirty`). A page also changes
    when an example it shows changes, so delete the built HTML of every page that uses a snippet
    folder edited since that HTML was written: MkDocs then rebuilds it. (In a clean build the
    site folder is emptied anyway.)"""
    for page in docs.rglob("*.md"):
        relative = page.relative_to(docs).with_suffix("")
        built = site / (relative.parent if relative.name == "index" else relative) / "index.html"
        if not built.exists():
            continue
        folders = {(ROOT / "snippets" / (a or b)).parent
                   for a, b in SNIPPET_REFERENCE.findall(page.read_text(encoding="utf-8"))}
        newest = max((f.stat().st_mtime for folder in folders if folder.is_dir()
                      for f in folder.rglob("*") if f.is_file() and "__pycache__" not in f.parts),
                     default=0)
        if newest > built.stat().st_mtime:
            built.unlink()


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
        if request.content_type:
            lines.append(f"Content-Type: {request.content_type}")
        lines += ["", _shorten(body)]
    return "\n".join(lines)


_BUILDER_OPTIONS = {"query_string", "headers", "data", "json", "content_type"}


def _format_followed(request):
    """The request the test client made itself, following a Location."""
    lines = [f"{request.method} {request.full_path.rstrip('?')} HTTP/1.1"]
    if cookie := request.headers.get("Cookie"):
        lines.append(f"Cookie: {cookie}")
    return "\n".join(lines)


def _format_response(response):
    lines = [f"HTTP/1.1 {response.status}"]
    lines += [f"{name}: {value}" for name, value in response.headers.items()]
    body = response.get_data(as_text=True)
    if body:
        lines += ["", _shorten(body)]
    return "\n".join(lines)


def _shorten(body):
    """A body as a page shows it: at most MAX_BODY_LINES lines of at most MAX_LINE characters."""
    lines = body.splitlines()
    shown = [line if len(line) <= MAX_LINE else f"{line[:MAX_LINE]}... ({len(line):,} characters)"
             for line in lines[:MAX_BODY_LINES]]
    if len(lines) > MAX_BODY_LINES:
        shown.append(f"... ({len(lines)} lines in all)")
    return "\n".join(shown)


def _fence(lang, text, indent, title=""):
    # Outputs stay out of the search index: a search for "Gunicorn" should find the pages
    # that explain it, not every log line that mentions it. Code the pages show is indexed.
    title = f' title="{title}"' if title else ""
    block = f'```{{.{lang}{title} data-search-exclude=""}}\n{text}\n```'
    return textwrap.indent(block, " " * indent)[indent:]


# ===========================================================================
# Questions chapter (docs/questions/): the question bank, the answers you'll
# still hear and the quiz. Owned by the questions chapter; everything above
# this line is the lead's. The data lives in docs/questions/bank.yml and
# docs/questions/wrong-answers.yml (kept out of the site by `exclude_docs`):
#
#   {@ question_bank(["routing"]) @}          questions by level, then topic
#   {@ question_index("fresher") @}           one line per question, linked
#   {@ question_counts() @}                   a table: topics x levels
#   {@ wrong_answers() @}                     the 40 audit claims as callouts
#   {@ quiz() @}                              cards for docs/assets/quiz.js
#
# Links in the data are relative to docs/; they are rewritten relative to the
# page that renders them, so the strict build checks them like any other.
# Titles go inside "..." in admonition syntax and must not contain a double
# quote; answers must not contain the macro delimiters ({@ @}).
# ===========================================================================

import html
import posixpath

import yaml

QUESTIONS = ROOT / "docs" / "questions"
LEVELS = {"fresher": "Fresher", "experienced": "Experienced"}

_define_core_macros = define_env


def define_env(env):  # noqa: F811 - extends the lead's define_env above
    _define_core_macros(env)
    loaded = {}  # read on first use, once per build; a site without the chapter never reads it

    def data(name):
        if name not in loaded:
            loaded[name] = _load_bank() if name == "bank" else yaml.safe_load(
                (QUESTIONS / "wrong-answers.yml").read_text(encoding="utf-8"))["items"]
        return loaded[name]

    @env.macro
    def question_bank(topics=None, level=None):
        """The questions of some topics (all by default), grouped by level, then topic."""
        bank = data("bank")
        page = env.page.file.src_uri
        chosen = _topics(bank, topics)
        out = []
        for lvl in [level] if level else LEVELS:
            entries = [q for q in bank["questions"] if q["topic"] in chosen and q["level"] == lvl]
            if not entries:
                continue
            out.append(f"## {LEVELS[lvl]}\n")
            for topic in chosen:
                group = [q for q in entries if q["topic"] == topic]
                if group and len(chosen) > 1:
                    out.append(f"### {bank['topics'][topic]['title']}\n")
                out += [_question(q, page) for q in group]
        return "\n".join(out)

    @env.macro
    def question_index(level):
        """Every question of one level as a linked list, grouped by topic."""
        bank = data("bank")
        page, out = env.page.file.src_uri, []
        for topic, meta in bank["topics"].items():
            group = [q for q in bank["questions"] if q["topic"] == topic and q["level"] == level]
            if group:
                out.append(f"**{meta['title']}**\n")
                out += [f"- [{q['question']}]({_link(_anchor(bank, q), page)})" for q in group]
                out.append("")
        return "\n".join(out)

    @env.macro
    def question_counts():
        """A table of how many questions each topic has at each level."""
        bank = data("bank")
        page = env.page.file.src_uri
        rows = ["| Topic | Page | Fresher | Experienced |", "| --- | --- | --- | --- |"]
        for topic, meta in bank["topics"].items():
            counts = [sum(q["topic"] == topic and q["level"] == lvl for q in bank["questions"])
                      for lvl in LEVELS]
            link = _link("questions/" + meta["page"], page)
            rows.append(f"| {meta['title']} | [{meta['page'][:-3]}]({link}) | {counts[0]} | {counts[1]} |")
        rows.append(f"| **All** | | {sum(q['level'] == 'fresher' for q in bank['questions'])} "
                    f"| {sum(q['level'] == 'experienced' for q in bank['questions'])} |")
        return "\n".join(rows)

    @env.macro
    def wrong_answers():
        """The audit's wrong claims as "Answer you'll still hear" callouts, by topic."""
        bank, wrong = data("bank"), data("wrong")
        page, out = env.page.file.src_uri, []
        for topic, meta in bank["topics"].items():
            items = [w for w in wrong if w["topic"] == topic]
            if items:
                out.append(f"## {meta['title']}\n")
                out += [_wrong(w, page) for w in items]
        return "\n".join(out)

    @env.macro
    def quiz():
        """Every question as a card: data attributes for quiz.js, the answer hidden."""
        bank = data("bank")
        page = env.page.file.src_uri
        cards = [_card(q, bank, page) for q in bank["questions"]]
        return "\n\n".join(cards)


def _load_bank():
    bank = yaml.safe_load((QUESTIONS / "bank.yml").read_text(encoding="utf-8"))
    for q in bank["questions"]:
        if q["topic"] not in bank["topics"] or q["level"] not in LEVELS:
            raise ValueError(f"bank.yml: {q['id']} has an unknown topic or level")
        if '"' in q["question"] or "{@" in q["answer"]:
            raise ValueError(f"bank.yml: {q['id']} has a double quote in its question or "
                             "a macro delimiter in its answer")
    return bank


def _topics(bank, topics):
    if topics is None:
        return list(bank["topics"])
    chosen = [topics] if isinstance(topics, str) else list(topics)
    unknown = set(chosen) - set(bank["topics"])
    if unknown:
        raise ValueError(f"question_bank: unknown topics {sorted(unknown)}")
    return chosen


def _link(target, page):
    """'routing/x.md#a' (relative to docs/) -> a link relative to the page's folder."""
    path, _, anchor = target.partition("#")
    rel = posixpath.relpath(path, posixpath.dirname(page) or ".")
    return rel + (f"#{anchor}" if anchor else "")


def _anchor(bank, q):
    return f"questions/{bank['topics'][q['topic']]['page']}#q-{q['id']}"


def _deeper(links, page):
    return " · ".join(f"[{label}]({_link(target, page)})" for label, target in links.items())


def _question(q, page):
    body = [q["answer"].strip() + f"\n{{: #q-{q['id']} }}"]
    if q.get("flask32"):
        body.append('!!! note "Flask 3.2"\n' + textwrap.indent(q["flask32"].strip(), "    "))
    body.append(f"**Go deeper:** {_deeper(q['deeper'], page)}")
    if q.get("also"):
        body.append("*Also asked as:* " + " · ".join(q["also"]))
    return f'??? question "{q["question"]}"\n' + textwrap.indent("\n\n".join(body), "    ") + "\n"


def _wrong(w, page):
    tests = ", ".join(f"`{t}`" for t in w["checked_by"])
    proof = " ".join(([f"Checked by {tests}."] if tests else [])
                     + ([f"Source: {w['source']}."] if w.get("source") else []))
    body = "\n\n".join([
        w["now"].strip(),
        f"**True since:** {w['since']}. **Seed files:** {', '.join(w['seeds'])}. "
        f"**Audit item:** {w['n']}.",
        f"**Proof:** {_deeper(w['proof'], page)}. {proof}",
    ])
    title = f"Answer you'll still hear: “{w['said']}”"
    return (f'!!! failure "{title}"\n' + textwrap.indent(body, "    ") + "\n")


def _card(q, bank, page):
    qid, esc = q["id"], html.escape
    deeper = _deeper({"Read the full answer": _anchor(bank, q), **q["deeper"]}, page)
    topic = bank["topics"][q["topic"]]["title"]
    return "\n".join([
        f'<div class="ffg-quiz-card" id="quiz-{qid}" data-id="{qid}" data-level="{q["level"]}" '
        f'data-topic="{q["topic"]}" markdown>',
        f'<div class="admonition question" markdown>',
        f'<p class="admonition-title" id="quiz-{qid}-q" markdown="span">{q["question"]}</p>',
        f"<p><small>{esc(topic)} · {LEVELS[q['level']]}</small></p>",
        f'<div class="ffg-quiz-answer" id="quiz-{qid}-answer" hidden markdown>',
        "",
        q["answer"].strip(),
        "",
        f"**Go deeper:** {deeper}",
        "",
        "</div>",
        '<p class="ffg-quiz-buttons">',
        f'<button type="button" class="md-button" data-quiz-action="reveal" aria-expanded="false" '
        f'aria-controls="quiz-{qid}-answer" aria-describedby="quiz-{qid}-q">Show answer</button>',
        f'<button type="button" class="md-button" data-quiz-action="known" aria-pressed="false" '
        f'aria-describedby="quiz-{qid}-q">I know this</button>',
        "</p>",
        "</div>",
        "</div>",
    ])
