"""The browser tests' own guard: a host that no `serve` answers is never reached."""

import pytest
from playwright.sync_api import Error

from tests.browser_tools import isolated_context


def test_an_unserved_host_is_aborted_and_recorded(browser):
    context, off_host = isolated_context(browser)
    try:
        with pytest.raises(Error, match="net::ERR_FAILED"):
            context.new_page().goto("http://evil.example/")
        assert off_host.requests == ["http://evil.example/"]
    finally:
        context.close()


def test_without_the_route_the_dead_proxy_still_stops_it(browser):
    context, _ = isolated_context(browser)
    try:
        context.unroute_all()
        with pytest.raises(Error, match="net::ERR_PROXY_CONNECTION_FAILED"):
            context.new_page().goto("http://evil.example/")
    finally:
        context.close()
