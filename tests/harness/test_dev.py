"""scripts/dev.py serve says at once that its port is taken, instead of building first."""

import socket
import subprocess
import sys
import time

from tests.conftest import ROOT


def test_serve_on_a_busy_port_stops_before_building_and_names_another():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        address = "127.0.0.1:%d" % taken.getsockname()[1]
        start = time.monotonic()
        result = subprocess.run([sys.executable, ROOT / "scripts" / "dev.py", "serve", f"--dev-addr={address}"],
                                capture_output=True, text=True, timeout=60)
    assert time.monotonic() - start < 5  # no setup, no build
    assert result.returncode == 1
    assert f"{address} is already in use" in result.stderr
    assert "python3 scripts/dev.py serve --dev-addr 127.0.0.1:" in result.stderr
