"""`http(...)` and `run(...)`: the recorded output of an example, as the page's code blocks.

    {@ http("routing/methods.py", "DELETE /articles", status=405) @}   a request and its response
    {@ run("lifecycle/hook_order.py", "trace") @}                      what a function returned

The build never runs an example: it reads what `python3 scripts/dev.py record` recorded
(records.py), and the check proves each record still holds. A call with no record fails the
build with the command that makes one.
"""

import textwrap

from . import records


class MissingRecord(Exception):
    """The message names the page, the call and the command to run."""


def define(env, root):
    seen = {}  # call text -> how often this page has shown it; reset for every page

    def blocks(name, args, kwargs):
        page = f"docs/{env.page.file.src_path}"
        if seen.get("page") != page:
            seen.clear()
            seen["page"] = page
        call = records.call_text(name, args, kwargs)
        seen[call] = seen.get(call, 0) + 1
        key = records.entry_key(page, call, seen[call])
        found = records.read(records.path_for(root, args[0])).get(key)
        if found is None:
            again = f" (call {seen[call]} of it on this page)" if seen[call] > 1 else ""
            raise MissingRecord(f"{page}: {call}{again} has no recorded output. Run: "
                                f"python3 scripts/dev.py record {page}")
        return found

    @env.macro
    def http(example, request, indent=4, brief=False, **options):
        """A request and its response (every round trip, with follow_redirects=True).
        `brief=True` keeps a response's status line and headers and leaves out a body the page
        has already shown (a second 404 page, the same JSON again)."""
        shown = blocks("http", [example, request], options)
        if brief:
            shown = [(title, without_body(text)) if title.startswith("Response") else (title, text)
                     for title, text in shown]
        return ("\n\n" + " " * indent).join(fence("http", text, indent, title) for title, text in shown)

    @env.macro
    def run(example, function, indent=4, lang="text"):
        """What a function of the example returned."""
        [(_, text)] = blocks("run", [example, function], {})
        return fence(lang, text, indent)


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


