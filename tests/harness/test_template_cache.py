"""The template cache hook (overrides/template_cache.py): a new environment reuses compiled
templates, and an edited template is compiled again."""

import sys

import jinja2

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "overrides"))
import template_cache


def environment(folder, **settings):
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(folder), **settings)
    template_cache.on_env(env, config=None, files=None)
    compiled = []
    compile_ = env.compile
    env.compile = lambda *args, **kwargs: compiled.append(args[1]) or compile_(*args, **kwargs)
    return env, compiled


def test_a_rebuilds_environment_reuses_the_compiled_templates(tmp_path, monkeypatch):
    monkeypatch.setattr(template_cache, "CACHE", template_cache.InMemory())
    (tmp_path / "page.html").write_text("<h1>{{ title }}</h1>", encoding="utf-8")
    first, compiled_first = environment(tmp_path)
    second, compiled_second = environment(tmp_path)
    assert first.get_template("page.html").render(title="A") == "<h1>A</h1>"
    assert second.get_template("page.html").render(title="B") == "<h1>B</h1>"
    assert (compiled_first, compiled_second) == (["page.html"], [])


def test_an_edited_template_is_compiled_again(tmp_path, monkeypatch):
    monkeypatch.setattr(template_cache, "CACHE", template_cache.InMemory())
    (tmp_path / "page.html").write_text("<h1>{{ title }}</h1>", encoding="utf-8")
    environment(tmp_path)[0].get_template("page.html")
    (tmp_path / "page.html").write_text("<h2>{{ title }}</h2>", encoding="utf-8")
    env, compiled = environment(tmp_path)
    assert env.get_template("page.html").render(title="C") == "<h2>C</h2>"
    assert compiled == ["page.html"]


def test_an_environment_that_compiles_differently_does_not_reuse_the_code(tmp_path, monkeypatch):
    # Autoescaping and a filter that takes the context are compiled into the code.
    monkeypatch.setattr(template_cache, "CACHE", template_cache.InMemory())
    (tmp_path / "page.html").write_text("{{ title | shout }}", encoding="utf-8")
    plain, _ = environment(tmp_path)
    plain.filters["shout"] = lambda value: value.upper()
    assert plain.get_template("page.html").render(title="<b>") == "<B>"
    escaping, compiled = environment(tmp_path, autoescape=True)
    escaping.filters["shout"] = jinja2.pass_context(lambda context, value: value.upper())
    assert escaping.get_template("page.html").render(title="<b>") == "&lt;B&gt;"
    assert compiled == ["page.html"]


def test_the_cache_outlives_a_rebuild():
    # `mkdocs serve` loads the config again for each rebuild; the hook, and its cache, stay.
    from mkdocs.config import load_config

    hooks = [load_config(str(ROOT / "mkdocs.yml")).hooks["overrides/template_cache.py"] for _ in range(2)]
    assert hooks[0] is hooks[1] and hooks[0].CACHE is hooks[1].CACHE
