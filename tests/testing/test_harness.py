"""What the Testing chapter says about this guide's own harness, checked against its files."""

import os
import subprocess
import site
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def test_pytest_settings():
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]
    assert settings["pytest"]["ini_options"]["testpaths"] == ["tests"]
    assert settings["pytest"]["ini_options"]["filterwarnings"] == ["error"]
    assert settings["coverage"]["run"]["source"] == ["snippets"]
    assert "subprocess" in settings["coverage"]["run"]["patch"]


def test_check_runs_seven_stages_in_order():
    # The page lists the stages of the check; what each one catches, and that a run prints them
    # in this order, is proved on a scratch guide by tests/harness/test_check.py.
    sys.path.insert(0, str(ROOT / "scripts"))
    import check

    assert [name for name, _ in check.STAGES] == ["pages", "build", "outputs", "tests", "coverage",
                                                  "offline", "browser"]


def test_python_and_jinja_typed_inline_count_and_an_empty_init_is_no_snippet(tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    import page_rules

    for lang in ("python", "jinja"):
        page = ["```" + lang, "a", "b", "c", "d", "```"]
        assert page_rules.inline_code("x.md", page), lang
    assert not page_rules.inline_code("x.md", ["```python", "a", "b", "c", "```"])  # three lines: fine
    (tmp_path / "snippets" / "pkg").mkdir(parents=True)
    (tmp_path / "snippets" / "pkg" / "__init__.py").write_text("")
    (tmp_path / "snippets" / "pkg" / "views.py").write_text("x = 1\n")
    assert [p.name for p in page_rules.snippet_files(tmp_path)] == ["views.py"]


def test_conftest_records_the_snippets_a_test_opened(tmp_path):
    # Run a one-test session with this conftest: the file it reads is reported as opened.
    (tmp_path / "test_reads.py").write_text(
        "from pathlib import Path\n\n"
        "def test_reads():\n"
        f"    Path({str(ROOT / 'snippets' / 'deployment' / 'nginx-shop.conf')!r}).read_text()\n")
    report = tmp_path / "opened.txt"
    env = dict(os.environ, FFG_OPENED=str(report))
    subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "tests.conftest",
                    "--rootdir", str(tmp_path), str(tmp_path / "test_reads.py")],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    assert "snippets/deployment/nginx-shop.conf" in report.read_text().splitlines()


def test_records_are_made_with_the_test_client_and_long_bodies_are_cut():
    # What the page says the recorder does, done: one call of an example, through the test client.
    sys.path.insert(0, str(ROOT / "scripts"))
    import exchange
    import record_worker

    [(_, request), (_, response)] = record_worker.http({}, ROOT, "routing/methods.py", "GET /articles")
    assert request == "GET /articles HTTP/1.1"
    assert response.startswith("HTTP/1.1 200 OK")
    shown = exchange.shorten("\n".join(f"line {n}" for n in range(40))).splitlines()
    assert len(shown) == 31 and shown[-1] == "... (40 lines in all)"


def test_a_macro_that_raises_fails_the_strict_build():
    # mkdocs-macros reports a failed page as a warning, which strict mode counts; the check's
    # own tests make an example raise and read the message (tests/harness/test_check.py).
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    assert config.strict is True
    assert config.plugins["macros"].config["on_error_fail"] is False


def test_coverage_measures_children_through_a_pth_file_and_an_environment_variable():
    pth = [p for d in site.getsitepackages() for p in Path(d).glob("*coverage*.pth")]
    assert len(pth) == 1
    assert 'os.getenv("COVERAGE_PROCESS_CONFIG")' in pth[0].read_text()
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["coverage"]["run"]
    assert settings["patch"] == ["subprocess", "fork", "_exit"]
