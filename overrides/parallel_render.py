"""Pages' Markdown turned into HTML by two worker processes while MkDocs reads the next pages.

Converting Markdown (Python-Markdown, the pymdownx extensions, Pygments) is half of a build and
depends only on the page's Markdown once its macros have run, so it can happen elsewhere.
MkDocs reads, expands and renders the pages one after another; here each page, once its
`on_page_markdown` events have run, goes to a worker forked from this process (the same
config, files and extensions), and the build moves on to the next page. Before `on_env` the
results come back in page order: each page gets its HTML, table of contents, title and
anchors, every log record the worker caught is logged here (so `--strict` counts a bad link
as before), and then its `on_page_content` events run. The built site is the same, byte for
byte (tests/harness/test_parallel_render.py builds the guide both ways).

Workers are forked only for a build of several pages by a process with one thread: `mkdocs
build`, or the first build of `serve`. A rebuild under `serve` runs on the server's thread,
where forking is unsafe, and renders a page or two, so it stays in-process; so does every
build where the system cannot fork (Windows) or FFG_RENDER_WORKERS=0 says so (to step
through an extension in a debugger).
"""

import logging
import multiprocessing
import os
import threading

from mkdocs.commands import build as mkdocs_build
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

WORKERS = int(os.environ.get("FFG_RENDER_WORKERS", "2"))  # 2 cores here; meanwhile this process runs the macros
SMALLEST = 8  # fewer pages to render than this: not worth the forks
log = logging.getLogger("mkdocs.commands.build")  # where MkDocs says a page failed
_serial_populate = getattr(mkdocs_build._populate_page, "serial", mkdocs_build._populate_page)
_render = Page.render


class _Build:
    """One build's workers and the pages sent to them, in order."""

    def __init__(self, config, files):
        context = multiprocessing.get_context("fork")
        self.tasks, self.results = context.Queue(), context.Queue()
        self.workers = [context.Process(target=_work, args=(self.tasks, self.results, config, files),
                                        daemon=True) for _ in range(WORKERS)]
        for worker in self.workers:
            worker.start()
        self.sent = []

    def send(self, page):
        self.tasks.put((len(self.sent), page.file.src_uri, page.markdown))
        self.sent.append(page)

    def receive(self):
        """Each page sent, with its result, in the order sent."""
        results = {}
        for page_number, page in enumerate(self.sent):
            while page_number not in results:
                number, result = self.results.get()
                results[number] = result
            yield page, results.pop(page_number)
        self.stop()

    def stop(self):
        for _ in self.workers:
            self.tasks.put(None)
        self.tasks.close()
        self.tasks.join_thread()
        for worker in self.workers:
            worker.join(5)
            if worker.is_alive():
                worker.terminate()


_build = None
FORK = "fork" in multiprocessing.get_all_start_methods()


def _work(tasks, results, config, files):
    """A worker: render each page it is sent, and send back what rendering set on the page."""
    kept = []
    keep = _Keep(kept)
    for name in ("", "mkdocs"):  # "mkdocs" may not pass its records on to the root logger
        logging.getLogger(name).handlers = [keep]
    while (task := tasks.get()) is not None:
        number, src_uri, markdown = task
        file = files.get_file_from_path(src_uri)
        page = file.page or Page(None, file, config)  # a page not in nav: made after the fork
        page.markdown = markdown
        try:
            _render(page, config, files)
            links = page.links_to_anchors
            result = {"content": page.content, "toc": page.toc, "title": page._title_from_render,
                      "anchors": page.present_anchor_ids,
                      "links": None if links is None else {f.src_uri: a for f, a in links.items()}}
        except Exception as error:  # the main process reports it, as MkDocs would
            result = {"error": error if _picklable(error) else RuntimeError(repr(error))}
        result["logged"], kept[:] = list(kept), []
        results.put((number, result))


class _Keep(logging.Handler):
    def __init__(self, kept):
        super().__init__()
        self.kept = kept

    def emit(self, record):
        if self.kept and self.kept[-1] is record:  # the same record, passed on to the root
            return
        record.msg, record.args = record.getMessage(), None
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        self.kept.append(record)


def _picklable(error):
    import pickle

    try:
        pickle.dumps(error)
        return True
    except Exception:  # anything pickle refuses
        return False


def _populate_page(page, config, files, dirty=False):
    """MkDocs' _populate_page up to render; render and on_page_content follow in on_env."""
    global _build
    if _build is None and WORKERS and threading.active_count() == 1 and FORK:
        todo = [f for f in files.documentation_pages() if not dirty or f.is_modified()]
        if len(todo) >= SMALLEST:
            logging.getLogger("mkdocs.hooks.parallel_render").debug(
                f"Rendering {len(todo)} pages' Markdown in {WORKERS} worker processes")
            _build = _Build(config, files)
    if _build is None:
        return _serial_populate(page, config, files, dirty)
    config._current_page = page
    try:
        if dirty and not page.file.is_modified():
            return
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        _build.send(page)
    except Exception as error:
        log.error(f"Error reading page '{page.file.src_uri}': {error}")
        raise
    finally:
        config._current_page = None


_populate_page.serial = _serial_populate


def on_config(config):
    mkdocs_build._populate_page = _populate_page


def on_pre_build(config):
    global _build
    if _build is not None:  # the last build stopped before its pages came back
        _build.stop()
        _build = None


@event_priority(110)  # before any other on_env: every page has its HTML by then
def on_env(env, config, files):
    global _build
    if _build is None:
        return env
    build, _build = _build, None
    for page, result in build.receive():
        for record in result["logged"]:
            logging.getLogger(record.name).handle(record)
        config._current_page = page
        try:
            if "error" in result:
                raise result["error"]
            page.content, page.toc = result["content"], result["toc"]
            page._title_from_render, page.present_anchor_ids = result["title"], result["anchors"]
            if result["links"] is not None:
                page.links_to_anchors = {files.get_file_from_path(uri): a for uri, a in result["links"].items()}
            page.content = config.plugins.on_page_content(page.content, page=page, config=config, files=files)
        except Exception as error:
            log.error(f"Error reading page '{page.file.src_uri}': {error}")
            build.stop()
            raise
        finally:
            config._current_page = None
    return env
