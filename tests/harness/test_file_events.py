"""The file events hook (overrides/file_events.py): under `dev.py serve` a save asks for a rebuild
at once, a read never does, and plain `mkdocs serve` keeps MkDocs' polling."""

import sys
import time

import pytest
import watchdog.observers.polling
from mkdocs.livereload import LiveReloadServer

from tests.conftest import ROOT
from tests.servers import wait_for

sys.path.insert(0, str(ROOT / "overrides"))
import file_events


@pytest.fixture
def servers():
    made = []
    yield made
    for server in made:
        server.server_close()  # its socket, made (never bound) with the server


def server_watching(folder, monkeypatch, servers, serving):
    if serving:
        monkeypatch.setenv("FFG_SERVING", "1")
    else:
        monkeypatch.delenv("FFG_SERVING", raising=False)
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(folder))
    servers.append(server)
    server.watch(str(folder))
    return file_events.on_serve(server, config=None, builder=None)


def test_a_save_asks_for_a_rebuild_at_once_and_a_read_never_does(tmp_path, monkeypatch, servers):
    page = tmp_path / "page.md"
    page.write_text("# Page\n")
    server = server_watching(tmp_path, monkeypatch, servers, serving=True)
    assert not isinstance(server.observer, watchdog.observers.polling.PollingObserver)
    assert list(server._watched_paths) == [str(tmp_path)] and server.build_delay == file_events.QUIET
    server.observer.start()
    try:
        time.sleep(0.2)
        for _ in range(3):
            page.read_text()
        time.sleep(0.3)
        assert not server._want_rebuild  # reading the docs (as every build does) is no edit
        started = time.monotonic()
        page.write_text("# Page, edited\n")
        wait_for(lambda: server._want_rebuild, 5, "the save never asked for a rebuild", interval=0.005)
        assert time.monotonic() - started < 0.25  # MkDocs' polling takes up to 0.5 s
    finally:
        server.observer.stop()
        server.observer.join(5)


def test_a_folder_moved_away_asks_for_a_rebuild(tmp_path, monkeypatch, servers):
    chapter = tmp_path / "docs" / "chapter"
    chapter.mkdir(parents=True)
    (chapter / "page.md").write_text("# Page\n")
    server = server_watching(tmp_path / "docs", monkeypatch, servers, serving=True)
    server.observer.start()
    try:
        time.sleep(0.2)
        chapter.rename(tmp_path / "elsewhere")
        wait_for(lambda: server._want_rebuild, 5, "moving a folder away never asked for a rebuild", interval=0.01)
    finally:
        server.observer.stop()
        server.observer.join(5)


def test_plain_mkdocs_serve_keeps_its_polling(tmp_path, monkeypatch, servers):
    server = server_watching(tmp_path, monkeypatch, servers, serving=False)
    assert isinstance(server.observer, watchdog.observers.polling.PollingObserver)
