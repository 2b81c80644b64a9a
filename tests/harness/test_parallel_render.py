"""The parallel render hook (overrides/parallel_render.py): pages rendered by forked workers
build the same site, and a broken link or a failing page still fails a strict build."""

import os
import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT

HOOK = ROOT / "overrides" / "parallel_render.py"
PAGES = 12


# A Markdown extension that ends the process rendering a page that says KILL: a worker dying.
KILLER = """
import os
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

class Kill(Preprocessor):
    def run(self, lines):
        if "KILL" in lines:
            os._exit(3)
        return lines

class KillExtension(Extension):
    def extendMarkdown(self, md):
        md.preprocessors.register(Kill(md), "kill", 100)

def makeExtension(**kwargs):
    return KillExtension(**kwargs)
"""


def project(folder, pages, nav=None, extensions=()):
    """A small MkDocs project using the hook; `pages` maps a file name to its Markdown."""
    (folder / "docs").mkdir(parents=True)
    for name, text in pages.items():
        (folder / "docs" / name).write_text(text, encoding="utf-8")
    (folder / "killer.py").write_text(KILLER, encoding="utf-8")
    config = [f"site_name: t\nhooks: [{HOOK}]\nmarkdown_extensions: [toc, pymdownx.snippets: "
              "{check_paths: true}" + "".join(f", {name}" for name in extensions) + "]\n"
              "validation: {anchors: warn}"]
    if nav:
        config.append("nav: [" + ", ".join(nav) + "]")
    (folder / "mkdocs.yml").write_text("\n".join(config) + "\n", encoding="utf-8")
    return folder


def build(folder, site, workers=None, verbose=False, timeout=300):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if workers is not None:
        env["FFG_RENDER_WORKERS"] = str(workers)
    # --verbose shows the hook's debug line, and switches MkDocs' anchor checks off.
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)]
                          + ["--verbose"] * verbose, cwd=folder, env=env, capture_output=True, text=True, timeout=timeout)


def contents(site):
    """{path: bytes} of a built site, without the build time MkDocs' own theme writes."""
    return {path.relative_to(site).as_posix(): re.sub(rb"Build Date UTC : [^\n]*", b"", path.read_bytes())
            for path in sorted(site.rglob("*")) if path.is_file()}


def assert_same_site(one, other):
    one, other = contents(one), contents(other)
    assert sorted(one) == sorted(other)
    assert [path for path in one if one[path] != other[path]] == []


def numbered_pages():
    pages = {f"p{n}.md": f"# Page {n}\n\n## Part {n}\n\nSee [the next](p{(n + 1) % PAGES}.md#part-{(n + 1) % PAGES}).\n"
             for n in range(PAGES)}
    pages["index.md"] = "# Home\n"
    return pages


def test_workers_build_the_same_site_as_one_process(tmp_path):
    folder = project(tmp_path / "p", numbered_pages(), nav=["index.md", "p0.md", "p1.md"])  # the rest: not in nav
    parallel = build(folder, tmp_path / "a", verbose=True)
    serial = build(folder, tmp_path / "b", workers=0, verbose=True)
    assert parallel.returncode == serial.returncode == 0, parallel.stderr + serial.stderr
    assert f"Rendering {PAGES + 1} pages' Markdown in 2 worker processes" in parallel.stderr
    assert "worker processes" not in serial.stderr
    assert_same_site(tmp_path / "a", tmp_path / "b")


def test_broken_links_found_by_a_worker_fail_the_strict_build(tmp_path):
    # A link to a missing page is logged while the worker renders; one to a missing anchor is
    # found here, from the links and anchors the worker sends back.
    pages = numbered_pages()
    pages["p5.md"] = "# Page 5\n\n## Part 5\n\n[Gone](gone.md), [nowhere](p6.md#no-such-part).\n"
    result = build(project(tmp_path / "p", pages), tmp_path / "site")
    assert result.returncode == 1
    assert result.stderr.count("contains a link 'gone.md'") == 1
    assert result.stderr.count("contains a link 'p6.md#no-such-part'") == 1
    assert "Aborted with 2 warnings in strict mode!" in result.stdout + result.stderr


@pytest.mark.parametrize("workers", [2, 0])
def test_a_page_that_fails_to_render_stops_the_build_and_is_named(tmp_path, workers):
    pages = numbered_pages()
    pages["p7.md"] = "# Page 7\n\n--8<-- \"missing.py\"\n"
    result = build(project(tmp_path / "p", pages), tmp_path / "site", workers=workers)
    assert result.returncode == 1
    assert "Error reading page 'p7.md'" in result.stderr
    assert "missing.py" in result.stderr


def test_a_worker_that_dies_fails_the_build_and_says_so(tmp_path):
    pages = numbered_pages()
    pages["p4.md"] = "# Page 4\n\n## Part 4\n\nKILL\n"
    result = build(project(tmp_path / "p", pages, extensions=["killer"]), tmp_path / "site", timeout=60)
    assert result.returncode == 1
    assert "a render worker stopped (exit code 3) while it rendered 'p4.md'" in result.stderr


def test_the_guide_builds_the_same_in_one_process(site, tmp_path):
    # `site` was built with the workers (check's build, or the fixture's).
    result = build(ROOT, tmp_path / "site", workers=0)
    assert result.returncode == 0, result.stderr[-2000:]
    assert_same_site(site, tmp_path / "site")
