"""Build-time macros (mkdocs-macros loads this package; see mkdocs.yml). Pure formatting: the
build reads recorded outputs and question data, and runs no example.

    outputs.py      http(...) and run(...): recorded outputs as code blocks
    records.py      the record files' format, shared with scripts/record.py
    questions.py    the question bank, the answers you'll still hear, the quiz
    glossary.py     one definition per term: the glossary page and the tooltips (overrides/tooltips.py)
    reading.py      reading time, per page and for a study plan
    jinja_guard.py  Flask's Jinja on a page reaches the reader untouched
    rebuilds.py     what a page depends on, for `dev.py serve`'s partial rebuilds
    printing.py     a chapter's cheat sheet: interview answer, key points, self-check

Pages call them with {@ @} delimiters, so Flask's own Jinja in a page is left alone:

    {@ http("routing/methods.py", "DELETE /items/1", status=405) @}
    {@ run("lifecycle/hook_order.py", "trace") @}
    {@ versions.flask @}                                   what the build installed
"""

import platform
from importlib.metadata import version
from pathlib import Path

from . import glossary, jinja_guard, outputs, printing, questions, reading, rebuilds

ROOT = Path(__file__).resolve().parents[2]


def define_env(env):
    versions = {name: version(name) for name in ("flask", "werkzeug", "jinja2")}
    versions["python"] = platform.python_version()
    env.variables["versions"] = versions
    env.conf["extra"]["tested_with"] = versions  # read by overrides/main.html
    rebuilds.refresh(ROOT, Path(env.conf["docs_dir"]), Path(env.conf["site_dir"]))
    outputs.define(env, ROOT)
    questions.define(env)
    printing.define(env)
    env.variables["_abbreviations"] = glossary.abbreviations(glossary.define(env))
    reading.define(env, env.conf["docs_dir"])


def on_pre_page_macros(env):
    env.variables["_source_markdown"] = env.markdown
    env.page.meta["reading_minutes"] = reading.minutes_for(env.markdown)  # not "minutes": the macro


def on_post_build(env):
    rebuilds.recorded()  # no build ends with its recording still under way
    questions.write_pool(env.conf["site_dir"])  # assets/study/cards.js, for docs/assets/study.js
    questions.write_answers(env.conf["site_dir"])  # and the study page's answers, by chapter


def on_post_page_macros(env):
    jinja_guard.check(env.variables.pop("_source_markdown"), env.markdown, env.page.file.src_path)
    env.markdown += env.variables["_abbreviations"]
