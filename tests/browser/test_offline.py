"""The offline download: the zip `python3 scripts/dev.py offline` writes, opened from disk."""

import os
import subprocess
import sys
import zipfile

import pytest

from tests.browser_tools import search, watched_page
from tests.conftest import ROOT


@pytest.fixture(scope="session")
def unzipped(tmp_path_factory):
    """The zip check's offline stage built (FFG_OFFLINE_ZIP), or a fresh one."""
    folder = tmp_path_factory.mktemp("offline")
    if not (zip_path := os.environ.get("FFG_OFFLINE_ZIP")):
        zip_path = folder / "guide.zip"
        subprocess.run([sys.executable, ROOT / "scripts" / "offline.py", zip_path], check=True)
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(folder)
    return folder / "flask-field-guide"


def test_the_zip_has_no_address_of_another_host_to_load(unzipped):
    html = (unzipped / "index.html").read_text()
    assert "unpkg.com" not in html and "assets/vendor/iframe-worker/shim.js" in html
    assert (unzipped / "search" / "search_index.js").read_text().startswith("var __index =")
    assert (unzipped / "routing" / "routes-and-methods.html").exists()  # no directory URLs


def test_search_works_from_the_file_system(browser, unzipped):
    page, watch = watched_page(browser, "file:")
    page.set_default_timeout(15_000)
    page.goto((unzipped / "index.html").as_uri())
    search(page, "blueprint")
    page.locator(".md-search-result__item a.md-search-result__link").first.click()
    page.wait_for_load_state()
    assert page.url.startswith(unzipped.as_uri()) and ".html?h=blueprint" in page.url
    assert page.locator("h1").first.is_visible()
    page.context.close()
    assert not watch.requests, watch.requests
    assert not watch.errors, watch.errors
