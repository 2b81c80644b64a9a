"""The SSTI check flags template source built at run time and nothing else."""

from pathlib import Path

from snippets.security.ssti_lint import sample_findings, template_source_not_literal

ROOT = Path(__file__).resolve().parents[2]


def test_the_lint_flags_the_f_string_and_the_variable_but_not_the_literal():
    assert sample_findings().splitlines() == [
        "views.py:10: render_template_string() with non-literal source",
        "views.py:13: from_string() with non-literal source"]


def test_the_lint_finds_the_guides_own_vulnerable_example():
    path = ROOT / "snippets" / "templates" / "template_injection.py"
    findings = template_source_not_literal(path.read_text(encoding="utf-8"), path.name)
    assert any("render_template_string() with non-literal source" in f for f in findings), findings


def test_a_literal_template_is_not_flagged():
    assert template_source_not_literal('render_template_string("<p>{{ x }}</p>", x=1)') == []
    assert template_source_not_literal("Template()") == []  # no source argument at all
