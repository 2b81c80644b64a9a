"""Which examples a reader can edit and run in the browser ("Edit and run"), and what each needs.

An example runs there when it needs only what the browser has: Pyodide's standard library and
Flask with its dependencies (the wheels scripts/vendor.py ships). That is decided from the code,
never by a list of examples:

- every module it imports, and every module those import in turn among the snippets
  (`from snippets.x import y`, relative imports in a package), is Flask's family, another
  snippet, or a standard module not in DENIED;
- it has no `async def` (Flask runs a coroutine view through asgiref, on a thread).

`bundle(root, example)` is then what the browser writes into its file system before it imports
the example: the modules reached; the whole folder of an example that is a folder
(`templates/rendering/app.py` with its templates/ and static/); and beside a one-file module,
Flask's default templates/ and static/ folders and any folder its code names in a string
(`Path(__file__).parent / "downloads"`).
"""

import ast
import re
import sys
from pathlib import Path

FLASK_FAMILY = {"flask", "werkzeug", "jinja2", "markupsafe", "itsdangerous", "click", "blinker"}
# Standard modules that cannot do in a browser tab what an example means by them (threads,
# processes, sockets, servers, an event loop of its own), or that Pyodide leaves out.
DENIED = {
    "threading", "_thread", "multiprocessing", "concurrent", "subprocess", "signal",
    "socket", "socketserver", "ssl", "selectors", "asyncio", "http.server", "http.client",
    "urllib.request", "wsgiref.simple_server", "smtplib", "ftplib", "imaplib", "poplib",
    "tkinter", "curses", "readline", "dbm", "venv", "ensurepip", "idlelib", "turtle",
}
FOLDER_NAME = re.compile(r"(?!\.\.?$)[\w.-]{1,100}")  # a string that could name a folder beside it
TEXT = {".py", ".html", ".j2", ".jinja", ".txt", ".css", ".js", ".json", ".cfg", ".toml", ".ini", ".svg", ".md"}


def imports(tree, module, is_package=False):
    """The absolute names of the modules a module's code imports (perhaps a name too much:
    `from x import y` adds x.y, which counts only if it is a module)."""
    package = module if is_package else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
                found.add(name)
                found |= {f"{name}.{alias.name}" for alias in node.names}  # a submodule, perhaps
            else:
                found.add(node.module)
                found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def module_file(root, name):
    """snippets.routing.methods -> its file, or None when it is no snippet module."""
    if name.split(".")[0] != "snippets":
        return None
    base = Path(root).joinpath(*name.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


def module_name(example):
    return "snippets." + example.removesuffix(".py").removesuffix("/__init__").replace("/", ".")


def why_not(root, example):
    """'' when the example runs in the browser, else the reason (one line)."""
    return _walk(root, example)[0]


def _walk(root, example):
    if not (Path(root) / "snippets" / example).is_file():
        return f"snippets/{example} is no file", []
    seen, todo, files = set(), [module_name(example)], []
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        path = module_file(root, name)
        if path is None:
            continue
        files.append(path)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if any(isinstance(node, ast.AsyncFunctionDef) for node in ast.walk(tree)):
            return f"{path.relative_to(root)} has an async view (asgiref runs it on a thread)", files
        for imported in sorted(imports(tree, name, path.name == "__init__.py")):
            top = imported.split(".")[0]
            if top == "snippets":
                todo.append(imported)
            elif any(imported == d or imported.startswith(d + ".") for d in DENIED):
                return f"{path.relative_to(root)} imports {imported}", files
            elif top not in FLASK_FAMILY and top not in sys.stdlib_module_names:
                return f"{path.relative_to(root)} imports {top}, which the browser does not have", files
    return "", files


def bundle(root, example):
    """{path under the root: text} of every file the example needs in the browser."""
    root = Path(root)
    reason, modules = _walk(root, example)
    if reason:
        raise ValueError(f"{example} does not run in the browser: {reason}")
    paths = set(modules)
    for path in modules:
        parts = path.relative_to(root / "snippets").parts
        if len(parts) > 2:  # a module in an example's folder: the folder, templates and all
            folders = [root / "snippets" / parts[0] / parts[1]]
        else:  # a one-file module: the folders beside it that Flask or its code would open
            named = {node.value for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                     if isinstance(node, ast.Constant) and isinstance(node.value, str)}
            folders = [path.parent / name for name in {"templates", "static"} | named
                       if FOLDER_NAME.fullmatch(name) and (path.parent / name).is_dir()]
        for folder in folders:
            paths |= {p for p in folder.rglob("*") if p.is_file() and p.suffix in TEXT
                      and "__pycache__" not in p.parts and not p.name.endswith(".outputs.txt")}
    return {str(p.relative_to(root)): p.read_text(encoding="utf-8") for p in sorted(paths)}
