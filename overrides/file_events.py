"""MkDocs hook: under `dev.py serve`, a save is heard when it happens, not at the next poll.

MkDocs' live reload polls the watched folders every 0.5 s, so a save waited 0.25 s on average
(up to 0.5 s) before its rebuild began: a third of the second a snippet edit may take to show.
The platform's file events (inotify, FSEvents, ReadDirectoryChangesW, through watchdog) report
it at once. They report reads too (a file opened, then closed unwritten), which MkDocs would
take for edits and rebuild on for ever, since every build reads the docs: so only the events
that change a file count. MkDocs waits 0.1 s without events before it builds; a save's events
come within milliseconds of each other, so 0.02 s is enough.

The watches are only scheduled when this runs (MkDocs starts its observer later), so they move
to the new observer as they are. Only `dev.py serve` (FFG_SERVING) does this: where file events
do not reach (a folder mounted into a container), plain `mkdocs serve` still polls.
"""

import os

import watchdog.events
import watchdog.observers

CHANGES = [watchdog.events.FileCreatedEvent, watchdog.events.FileModifiedEvent, watchdog.events.FileAttribEvent,
           watchdog.events.FileMovedEvent, watchdog.events.FileDeletedEvent,
           watchdog.events.DirMovedEvent, watchdog.events.DirDeletedEvent]
QUIET = 0.02  # seconds with no event before a rebuild starts


class Changes(watchdog.observers.Observer):
    def schedule(self, event_handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
        return super().schedule(FolderAsFiles(event_handler), path, recursive=recursive, event_filter=CHANGES,
                                follow_symlink=follow_symlink)


class FolderAsFiles(watchdog.events.FileSystemEventHandler):
    """A folder moved or deleted is news for its files (MkDocs ignores folders' events; polling
    saw each file go, inotify reports only the folder)."""

    def __init__(self, handler):
        self.handler = handler

    def dispatch(self, event):
        if event.is_directory:
            event = watchdog.events.FileDeletedEvent(event.src_path)
        self.handler.dispatch(event)


def on_serve(server, config, builder):
    if not os.environ.get("FFG_SERVING"):  # set by scripts/dev.py serve
        return server
    watched = dict(server._watched_paths)  # MkDocs keeps no public list of what it watches
    server._watched_paths.clear()
    server._watch_refs.clear()
    server.observer = Changes()
    server.build_delay = QUIET
    for path, count in watched.items():
        for _ in range(count):
            server.watch(path)
    return server
