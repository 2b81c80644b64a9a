"""The template cache hook (overrides/template_cache.py): a new environment reuses compiled
templates, and an edited template is compiled again."""

import sys

import jinja2

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "overrides"))
import template_cache


def environment(folder):
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(folder))
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
