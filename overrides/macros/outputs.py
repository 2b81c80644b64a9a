"""`http(...)` and `run(...)`: the recorded output of an example, as the page's code blocks.

    {@ http("routing/methods.py", "DELETE /articles", status=405) @}   a request and its response
    {@ run("lifecycle/hook_order.py", "trace") @}                      what a function returned

The build never runs an example: it reads what `python3 scripts/dev.py record` recorded
(records.py), and the check proves each record still holds. A call with no record fails the
build with the command that makes one.

An `http` call whose example runs in the browser (runnable.py decides) also leaves an empty,
hidden marker after its blocks: the call and its record's key. overrides/runner_tabs.py gives
the marker an "Edit and run" tab, which docs/assets/runner.js fills from the markers. The
example's files go to assets/runnable/<example>.json, fetched only when a reader runs it.
"""

import functools
import html
import json
import platform
import shutil
import sys
import textwrap
from pathlib import Path

from . import rebuilds, records, runnable

RUNNABLE = "assets/runnable"  # in the built site: the examples' files, exchange.py, manifest.json


class MissingRecord(Exception):
    """The message names the page, the call and the command to run."""


def define(env, root):
    seen = {}  # call text -> how often this page has shown it; reset for every page
    verdicts = {}  # example -> why it does not run in the browser ('' when it does), this build
    written = set()  # '' once this build has written what every run needs
    parsed = functools.cache(records.read)  # a record file, parsed once a build

    def read(path):
        rebuilds.recorded()  # under `dev.py serve`, a page recorded again is read once that is done
        return parsed(path)

    def blocks(name, args, kwargs):
        page = f"docs/{env.page.file.src_path}"
        if seen.get("page") != page:
            seen.clear()
            seen["page"] = page
        call = records.call_text(name, args, kwargs)
        seen[call] = seen.get(call, 0) + 1
        key = records.entry_key(page, call, seen[call])
        found = read(records.path_for(root, args[0])).get(key)
        if found is None:
            again = f" (call {seen[call]} of it on this page)" if seen[call] > 1 else ""
            raise MissingRecord(f"{page}: {call}{again} has no recorded output. Run: "
                                f"python3 scripts/dev.py record {page}")
        return found, key

    def marker(example, request, key, options):
        """The hidden element runner_tabs.py and runner.js read, or '' for an example that cannot run there."""
        if example not in verdicts:
            verdicts[example] = runnable.why_not(root, example) if example.endswith(".py") else "not Python"
            if not verdicts[example]:
                write_runnable(Path(env.conf["site_dir"]), root, example, first="" not in written)
                written.add("")
        if verdicts[example]:
            return ""
        call = {"request": request, "app": options.pop("app", "app"), "client": options.pop("client", None),
                "url_for": options.pop("url_for", None), "options": options}
        return (f'<div class="ffg-call" hidden data-example="{html.escape(example)}" '
                f'data-call="{html.escape(json.dumps(call))}" data-record="{html.escape(key)}" '
                f'data-python="{platform.python_version()}"></div>')

    @env.macro
    def http(example, request, indent=4, brief=False, **options):
        """A request and its response (every round trip, with follow_redirects=True).
        `brief=True` keeps a response's status line and headers and leaves out a body the page
        has already shown (a second 404 page, the same JSON again)."""
        shown, key = blocks("http", [example, request], options)
        sent = {k: v for k, v in options.items() if k != "status"}
        if brief:
            shown = [(title, without_body(text)) if title.startswith("Response") else (title, text)
                     for title, text in shown]
        parts = [fence("http", text, indent, title) for title, text in shown]
        parts += [found] if (found := marker(example, request, key, sent)) else []
        return ("\n\n" + " " * indent).join(parts)

    @env.macro
    def run(example, function, indent=4, lang="text"):
        """What a function of the example returned."""
        [(_, text)], _ = blocks("run", [example, function], {})
        return fence(lang, text, indent)


def write_runnable(site_dir, root, example, first):
    """assets/runnable/<example>.json (its files), and with the first one of a build, what every
    run needs: exchange.py (the recorder's formatting) and manifest.json (the wheels, versions)."""
    target = site_dir / RUNNABLE
    if first:
        sys.path.insert(0, str(root / "scripts"))
        import vendor
        from exchange import FROZEN

        target.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(root / "scripts" / "exchange.py", target / "exchange.py")
        wheels = sorted(name for name in vendor.VENDORED if name.startswith("wheels/"))
        pure = sorted(dest for entry in vendor.VENDORED.values() for dest in entry["files"].values()
                      if dest.startswith("wheels/") and dest.endswith(".py"))
        manifest = {"wheels": wheels, "files": pure, "python": platform.python_version(),
                    "frozen": FROZEN.isoformat()}
        (target / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    files = runnable.bundle(root, example)
    out = target / (example + ".json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"example": example, "module": runnable.module_name(example), "files": files}),
                   encoding="utf-8")


def without_body(response):
    head, _, body = response.partition("\n\n")
    lines = len(body.splitlines())
    return f"{head}\n\n(body left out: {lines} line{'s' * (lines != 1)}, as shown above)" if body else head


def fence(lang, text, indent, title=""):
    # Outputs stay out of the search index: a search for "Gunicorn" should find the pages
    # that explain it, not every log line that mentions it. Code the pages show is indexed.
    title = f' title="{title}"' if title else ""
    block = f'```{{.{lang}{title} data-search-exclude=""}}\n{text}\n```'
    return textwrap.indent(block, " " * indent)[indent:]


