import os
import subprocess
import sys

from snippets.security import pins
from tests.servers import LOOPBACK, free_port


def test_every_requirement_is_an_exact_pin_and_installed():
    found, loose = pins.read_pins()
    assert loose == []
    assert found["flask"] == "3.1.3" and found["werkzeug"] == "3.1.9"
    assert found["pip-audit"] == "2.10.1"
    assert pins.drift(found) == {}


def test_loose_lines_and_drift_are_reported(tmp_path):
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("Flask==3.1.0  # too old\nrequests>=2\n\nnot-installed-pkg==1.0\n")
    found, loose = pins.read_pins(requirements)
    assert loose == ["requests>=2"]
    assert pins.drift(found) == {"flask": ("3.1.0", "3.1.3"), "not-installed-pkg": ("1.0", None)}


def test_demo_summary():
    lines = pins.demo().splitlines()
    assert "Flask==3.1.3, Werkzeug==3.1.9" in lines[0]
    assert lines[1:] == ["not exact:       none", "installed drift: none"]


def test_pip_audit_no_deps_refuses_a_loose_requirement(tmp_path):
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("requests>=2\n")
    # It fails while reading the file, before any lookup; the dead loopback proxy makes
    # sure that a lookup, were one tried, could not leave the machine.
    proxy = f"http://{LOOPBACK}:{free_port()}"
    result = subprocess.run(
        [sys.executable, "-m", "pip_audit", "-r", str(requirements), "--no-deps", "--disable-pip",
         "--cache-dir", str(tmp_path / "cache"), "--progress-spinner", "off"],
        capture_output=True, text=True, timeout=60,
        env={**os.environ, "HTTP_PROXY": proxy, "HTTPS_PROXY": proxy, "NO_PROXY": ""})
    assert result.returncode == 1
    assert "requirement requests is not pinned to an exact version" in result.stderr


def test_pip_audit_is_installed_with_the_options_the_page_uses():
    # Offline: --help needs no network. The audit itself queries PyPI (see the page).
    result = subprocess.run([sys.executable, "-m", "pip_audit", "--help"],
                            capture_output=True, text=True, timeout=60, check=True)
    for option in ("--requirement", "--no-deps", "--disable-pip", "--strict",
                   "--vulnerability-service", "--fix", "--ignore-vuln"):
        assert option in result.stdout
