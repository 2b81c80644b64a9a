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

Workers are forked only on Linux, for a build of several pages by a process with one thread:
`mkdocs build`, or the first build of `serve`. A rebuild under `serve` runs while the
server's threads are alive, where forking is unsafe, and renders a page or two, so it stays
in one process; so does every build on macOS and Windows, or when FFG_RENDER_WORKERS=0 says
so (to step through an extension in a debugger).
"""

import logging
import multiprocessing
import os
import pickle
import sys
import threading
import traceback

from multiprocessing import connection

from mkdocs.commands import build as mkdocs_build
from mkdocs.exceptions import BuildError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

WORKERS = int(os.environ.get("FFG_RENDER_WORKERS", "2"))  # 2 cores here; meanwhile this process runs the macros
SMALLEST = 8  # fewer pages to render than this: not worth the forks
log = logging.getLogger("mkdocs.commands.build")  # where MkDocs says a page failed
_serial_populate = getattr(mkdocs_build._populate_page, "serial", mkdocs_build._populate_page)
_render = Page.render


class _Build:
    """One build's workers and the pages sent to them, in order. Each worker answers on a pipe
    of its own, read here by a thread as results come: a worker never waits for this process,
    and one that dies closes its pipe, which says so at once, even in the middle of a result."""

    def __init__(self, config, files):
        context = multiprocessing.get_context("fork")
        self.tasks = context.Queue()
        self.workers, readers = [], []
        for _ in range(WORKERS):
            reader, writer = context.Pipe(duplex=False)
            worker = context.Process(target=_work, args=(self.tasks, writer, config, files), daemon=True)
            worker.start()
            writer.close()  # the worker's end only: its death is an end of file here
            self.workers.append(worker)
            readers.append(reader)
        self.sent, self.results, self.held, self.ended = [], {}, {}, set()
        self.arrived = threading.Condition()
        self.reader = threading.Thread(target=self._read, args=(readers,), daemon=True)
        self.reader.start()  # after the forks: no thread of ours is forked

    def send(self, page):
        self.tasks.put((len(self.sent), page.file.src_uri, page.markdown))
        self.sent.append(page)

    def _read(self, readers):
        """On a thread: each worker's messages, until its pipe closes."""
        open_pipes = dict(zip(readers, range(len(readers))))
        while open_pipes:
            for reader in connection.wait(list(open_pipes)):
                worker = open_pipes[reader]
                try:
                    number, pickled = pickle.loads(reader.recv_bytes())
                except (EOFError, OSError):  # it has stopped, or died (mid-message too)
                    del open_pipes[reader]
                    number = pickled = None
                with self.arrived:
                    if number is None:
                        self.ended.add(worker)
                    elif pickled is None:  # it started on this page
                        self.held[worker] = number
                    else:
                        self.results[number] = pickled
                        self.held.pop(worker, None)
                    self.arrived.notify_all()

    def receive(self):
        """Each page sent, with its result, in the order sent; a worker that died is said so."""
        for page_number, page in enumerate(self.sent):
            with self.arrived:
                while page_number not in self.results:
                    if self.ended:
                        raise self._died(min(self.ended))
                    self.arrived.wait(1)
                pickled = self.results.pop(page_number)
            yield page, pickle.loads(pickled)
        self.stop()

    def _died(self, worker):
        self.workers[worker].join(1)
        held = self.held.get(worker)
        where = f"while it rendered '{self.sent[held].file.src_uri}'" if held is not None else "between pages"
        return RuntimeError(f"a render worker stopped (exit code {self.workers[worker].exitcode}) {where}; "
                            "FFG_RENDER_WORKERS=0 renders in one process")

    def stop(self):
        """Workers done with every page: let them finish."""
        for _ in self.workers:
            self.tasks.put(None)
        self.tasks.close()
        self.tasks.join_thread()
        for worker in self.workers:
            worker.join(5)
            if worker.is_alive():
                worker.terminate()
        self.reader.join(5)

    def abort(self):
        """The build stopped: the workers' pages are wanted no more."""
        self.tasks.cancel_join_thread()
        for worker in self.workers:
            worker.terminate()
            worker.join(5)


_build = None
# Forked only on Linux: macOS's system libraries are not safe to fork (Python stopped forking
# there by default), and Windows cannot.
FORK = sys.platform.startswith("linux")


def _work(tasks, out, config, files):
    """A worker: render each page it is sent, and send back what rendering set on the page."""
    kept = []
    keep = _Keep(kept)
    for name in ("", "mkdocs"):  # "mkdocs" may not pass its records on to the root logger
        logging.getLogger(name).handlers = [keep]
    while (task := tasks.get()) is not None:
        number, src_uri, markdown = task
        out.send_bytes(pickle.dumps((number, None)))  # started: a death from here on is this page's
        file = files.get_file_from_path(src_uri)
        page = file.page or Page(None, file, config)  # a page not in nav: made after the fork
        page.markdown = markdown
        config._current_page = page  # as MkDocs has it while a page renders (the !relative tag)
        try:
            _render(page, config, files)
            links = page.links_to_anchors
            result = {"content": page.content, "toc": page.toc, "title": page._title_from_render,
                      "anchors": page.present_anchor_ids,
                      "links": None if links is None else {f.src_uri: a for f, a in links.items()}}
        except Exception as error:  # the main process reports it, as MkDocs would
            error.add_note("Raised in a render worker (overrides/parallel_render.py):\n" + traceback.format_exc())
            result = {"error": error}
        finally:
            config._current_page = None
        result["logged"], kept[:] = list(kept), []
        out.send_bytes(pickle.dumps((number, _pickled(result))))


def _pickled(result):
    """The result as bytes, pickled here: a result the queue failed to pickle would never arrive."""
    try:
        pickled = pickle.dumps(result)
        pickle.loads(pickled)  # an exception that pickles may still not unpickle
        return pickled
    except Exception as failure:  # anything pickle refuses
        error = result.get("error") or failure
        return pickle.dumps({"error": RuntimeError(f"{type(error).__name__}: {error}"), "logged": []})


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


def _failed(page, error):
    """What MkDocs logs when a page fails (a BuildError says its own message)."""
    message = f"Error reading page '{page.file.src_uri}':"
    log.error(message if isinstance(error, BuildError) else f"{message} {error}")


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
        _failed(page, error)
        _build.abort()
        _build = None
        raise
    finally:
        config._current_page = None


_populate_page.serial = _serial_populate


def on_config(config):
    mkdocs_build._populate_page = _populate_page


def on_pre_build(config):
    global _build
    if _build is not None:  # the last build stopped before its pages came back
        _build.abort()
        _build = None


@event_priority(110)  # before any other on_env: every page has its HTML by then
def on_env(env, config, files):
    global _build
    if _build is None:
        return env
    build, _build = _build, None
    try:
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
                _failed(page, error)
                raise
            finally:
                config._current_page = None
    except Exception:
        build.abort()
        raise
    return env
