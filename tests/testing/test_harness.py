"""What the Testing chapter says about this guide's own harness, checked against its files."""

import re
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
    # The page lists the stages of the check's own docstring, in the order main() runs them;
    # what each stage catches is proved by tests/harness/test_check.py.
    check = (ROOT / "scripts" / "check.py").read_text()
    stages = ["pages", "build", "outputs", "tests", "coverage", "offline", "browser"]
    assert re.findall(r"^  \d\. (\w+):", check, re.M) == stages
    positions = [check.index(f'stage({n}, "{name}') for n, name in enumerate(stages, 1)]
    assert positions == sorted(positions)
    assert '"--cov=snippets"' in check
    # pages stage: Python and Jinja count as inline code; an empty __init__.py is no snippet
    rules = (ROOT / "scripts" / "page_rules.py").read_text()
    assert '"jinja"' in rules and '"python"' in rules
    assert 'path.name == "__init__.py" and not path.read_text().strip()' in rules


def test_conftest_records_opened_snippets_with_an_audit_hook():
    conftest = (ROOT / "tests" / "conftest.py").read_text()
    assert "sys.addaudithook(_record_open)" in conftest
    assert 'event == "open"' in conftest
    assert 'os.environ.get("FFG_OPENED")' in conftest


def test_records_are_made_with_the_test_client_and_long_bodies_are_cut():
    # What the page says the recorder does, done: one call of an example, through the test client.
    sys.path.insert(0, str(ROOT / "scripts"))
    import record_worker

    [(_, request), (_, response)] = record_worker.http({}, ROOT, "routing/methods.py", "GET /articles")
    assert request == "GET /articles HTTP/1.1"
    assert response.startswith("HTTP/1.1 200 OK")
    shown = record_worker.shorten("\n".join(f"line {n}" for n in range(40))).splitlines()
    assert len(shown) == 31 and shown[-1] == "... (40 lines in all)"


def test_a_macro_that_raises_fails_the_strict_build():
    # mkdocs-macros reports a failed page as a warning, which strict mode counts; the check's
    # own tests make an example raise and read the message (tests/harness/test_check.py).
    mkdocs_yml = (ROOT / "mkdocs.yml").read_text()
    assert re.search(r"^strict: true$", mkdocs_yml, re.M)
    assert re.search(r"- macros:\n(?:\s{6,}.*\n)*?\s+on_error_fail: false", mkdocs_yml)


def test_coverage_measures_children_through_a_pth_file_and_an_environment_variable():
    pth = [p for d in site.getsitepackages() for p in Path(d).glob("*coverage*.pth")]
    assert len(pth) == 1
    assert 'os.getenv("COVERAGE_PROCESS_CONFIG")' in pth[0].read_text()
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["coverage"]["run"]
    assert settings["patch"] == ["subprocess", "fork", "_exit"]
