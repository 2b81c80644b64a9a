"""The failure the no_network fixture produces, seen from outside the example suite."""

import socket
import urllib.error

import pytest

from snippets.testing.journal import create_app, weather


def test_a_refused_lookup_reaches_the_view_as_a_urlerror(monkeypatch, tmp_path):
    def refuse(*args, **kwargs):
        raise OSError("network access in a test")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 't.db'}", "TESTING": True})
    with app.app_context(), pytest.raises(urllib.error.URLError) as caught:
        weather.fetch_forecast("Oslo")
    assert isinstance(caught.value, OSError)  # which is what the view catches
    assert str(caught.value) == "<urlopen error network access in a test>"
