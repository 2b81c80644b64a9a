"""The "Edit and run" tabs the build writes (overrides/runner_tabs.py), on pages made the way
the guide's are: pymdownx.tabbed's sets, with the hidden markers the `http` macro leaves."""

import html
import re
import sys

import markdown
import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "overrides"))
import runner_tabs


def marker(example):
    return f'<div class="ffg-call" hidden data-example="{example}" data-record="k"></div>'


def page(*parts):
    return markdown.markdown("\n\n".join(parts), extensions=["pymdownx.superfences", "pymdownx.tabbed"],
                             extension_configs={"pymdownx.tabbed": {"alternate_style": True}})


def tabs(name, *blocks):
    return "\n\n".join(f'=== "{label}"\n\n    {text}' for label, text in zip((name, "Try it"), blocks))


def test_a_set_whose_calls_share_one_example_gets_a_third_tab_the_theme_can_count():
    built = runner_tabs.with_tabs(page(tabs("Code", "the code", marker("routing/a.py") + marker("routing/a.py"))))
    assert 'data-tabs="1:3"' in built
    inputs = re.findall(r"<input\b[^>]*>", built)
    assert inputs[-1] == '<input id="__tabbed_1_run" name="__tabbed_1" type="radio" />'
    assert re.search(r'<label for="__tabbed_1_2">Try it</label><label for="__tabbed_1_run">Edit and run</label></div>', built)
    # the block is the content's last, so the third radio shows it (the theme's nth-child rules)
    assert re.search(r'<div class="tabbed-block ffg-runner" data-runnable="routing/a.py"><noscript>.*?</noscript></div>\s*</div>\s*</div>\s*$',
                     built, re.S)
    assert "ffg-runner__fold" not in built


def test_a_call_outside_tabs_or_in_a_set_of_two_examples_gets_a_fold_right_below_it():
    built = runner_tabs.with_tabs(page(marker("a.py"), tabs("Code", marker("b.py"), marker("c.py"))))
    assert 'data-tabs="1:2"' in built and "_run" not in built
    folds = re.findall(r'<div class="ffg-call" hidden data-example="([^"]+)" data-record="k"></div>'
                       r'<details class="example ffg-runner__fold"><summary>Edit and run</summary>'
                       r'<div class="ffg-runner" data-runnable="\1">', built)
    assert folds == ["a.py", "b.py", "c.py"]


def test_an_example_name_is_written_back_as_it_was_read():
    example = 'say "hi"/a&b.py'
    built = runner_tabs.with_tabs(page(tabs("Code", "x", marker(html.escape(example)))))
    assert f'data-runnable="{html.escape(example)}"' in built


def test_a_call_belongs_to_the_innermost_set_and_sets_without_calls_are_left_alone():
    inner = tabs("Inner", "x", marker("a.py")).replace("\n", "\n    ")
    built = runner_tabs.with_tabs(page(tabs("Code", "plain", "plain"), "between", tabs("Outer", "code", inner)))
    assert re.findall(r'data-tabs="([^"]+)"', built) == ["1:2", "2:2", "3:3"]
    assert re.findall(r'id="(__tabbed_\d+_run)"', built) == ["__tabbed_3_run"]


def test_comments_capitals_and_reordered_attributes_read_as_a_browser_reads_them():
    rewritten = '<div class="ffg-call" data-example="b.py" hidden="hidden"></div>'  # as md_in_html writes it
    built = runner_tabs.with_tabs(page("<!-- </div> -->", '<DIV class="note">\n\nhi\n\n</DIV>',
                                       tabs("Code", "<!-- old: <div> -->", marker("a.py")),
                                       f'<div class="box" markdown="1">\n\n{rewritten}\n\n</div>'))
    assert re.search(r"__tabbed_1_run.*</label></div>\s*<div class=\"tabbed-content\">", built, re.S)
    assert re.search(r'<div class="tabbed-block ffg-runner" data-runnable="a.py">.*?</div>\s*</div>\s*</div>', built, re.S)
    assert re.search(rf'{re.escape(rewritten)}<details class="example ffg-runner__fold">', built)


def test_a_page_the_scan_cannot_follow_stops_the_build_naming_what_it_met():
    with pytest.raises(ValueError, match="a </div> that closes nothing"):
        runner_tabs.with_tabs("</div>" + page(marker("a.py")))
    no_count = page(tabs("Code", "x", marker("a.py"))).replace(' data-tabs="1:2"', "")
    with pytest.raises(ValueError, match="unlike pymdownx.tabbed's"):
        runner_tabs.with_tabs(no_count)
