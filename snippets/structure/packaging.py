"""Build the shop into a wheel with the real pyproject.toml, install it, and run
the installed copy.
"""

import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OFFLINE = {"PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}


def stage(where, *, package_data=True):
    """A project folder: pyproject.toml next to a copy of the shop package."""
    project = Path(where) / "project"
    shutil.copytree(
        HERE / "shop",
        project / "shop",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    pyproject = (HERE / "shop_project/pyproject.toml").read_text()
    if not package_data:
        pyproject = pyproject.split("[tool.setuptools.package-data]")[0]
    (project / "pyproject.toml").write_text(pyproject)
    return project


# --8<-- [start:build]
def build_wheel(project, dist):
    """`pip wheel --no-deps --no-build-isolation -w dist .`, offline."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(dist),
            str(project),
        ],
        check=True,
        capture_output=True,
        env={**os.environ, **OFFLINE},
        timeout=120,
    )
    return next(Path(dist).glob("shop-*.whl"))


def site_packages(venv):
    return (
        Path(venv)
        / "lib"
        / f"python{sys.version_info[0]}.{sys.version_info[1]}"
        / "site-packages"
    )


def install(wheel, venv):
    """Install into a venv-shaped folder whose site-packages holds only shop."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(site_packages(venv)),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        env={**os.environ, **OFFLINE},
        timeout=120,
    )


# --8<-- [end:build]


# --8<-- [start:probe]
PROBE = """
import json, sys
import shop  # the installed copy: the source tree is not on sys.path
from shop import create_app
app = create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
app.test_cli_runner().invoke(args=["init-db"])
client = app.test_client()
page, css = client.get("/"), client.get("/static/shop.css")
venv = lambda path: path.replace(sys.argv[1], "<venv>")
print(json.dumps({"shop imported from": venv(shop.__file__),
                  "instance folder": venv(app.instance_path),
                  "GET /": page.status, "GET /static/shop.css": css.status}))
"""


def run_installed(venv, cwd):
    """Import the installed shop in a new interpreter, away from the source."""
    env = {**os.environ, "PYTHONPATH": str(site_packages(venv))}
    env.pop("SHOP_INSTANCE_PATH", None)  # let Flask choose the instance folder
    done = subprocess.run(
        [sys.executable, "-P", "-c", PROBE, str(venv)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return json.loads(done.stdout.splitlines()[-1]), done.stderr


# --8<-- [end:probe]


# --8<-- [start:plugin]
def flask_command(venv, cwd, *args):
    """`flask ...` with the wheel installed and no --app.

    Only built-in and plugin commands are there.
    """
    env = {**os.environ, "PYTHONPATH": str(site_packages(venv))}
    env.pop("FLASK_APP", None)
    done = subprocess.run(
        [sys.executable, "-P", "-m", "flask", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return done.stdout


# --8<-- [end:plugin]


@functools.cache
def wheel_and_run(package_data):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        wheel = build_wheel(stage(tmp, package_data=package_data), tmp / "dist")
        files = zipfile.ZipFile(wheel).namelist()
        install(wheel, tmp / "venv")
        (tmp / "elsewhere").mkdir()
        result, log = run_installed(tmp / "venv", tmp / "elsewhere")
        plugin = {
            args: flask_command(tmp / "venv", tmp / "elsewhere", *args)
            for args in (("shop-version",), ("--help",))
        }
        return wheel.name, files, result, log, plugin


def wheel_contents():
    name, files, *_ = wheel_and_run(package_data=True)
    return "\n".join([f"$ unzip -Z1 dist/{name}", *files])


def installed_runs():
    lines = []
    for package_data in (True, False):
        _, _, result, log, _ = wheel_and_run(package_data)
        label = "with" if package_data else "without"
        lines.append(f"wheel built {label} [tool.setuptools.package-data]:")
        lines += [f"    {key}: {value}" for key, value in result.items()]
        lines += [
            f"    logged: {line.strip()}"
            for line in log.splitlines()
            if line.startswith("jinja2.exceptions.TemplateNotFound")
        ]
    return "\n".join(lines)


def flat_layout_error():
    """Automatic discovery, no packages.find, and the folders a Flask project
    usually has.
    """
    with tempfile.TemporaryDirectory() as tmp:
        project = stage(tmp)
        pyproject = (project / "pyproject.toml").read_text()
        (project / "pyproject.toml").write_text(
            pyproject.split("[tool.setuptools.packages.find]")[0]
        )
        for name in (
            "migrations/env.py",
            "migrations/versions/0001_init.py",
            "instance/config.py",
        ):
            (project / name).parent.mkdir(parents=True, exist_ok=True)
            (project / name).write_text("")
        try:
            build_wheel(project, Path(tmp) / "dist")
        except subprocess.CalledProcessError as failed:
            output = (failed.stdout + failed.stderr).decode()
            return next(
                line.strip()
                for line in output.splitlines()
                if "Multiple top-level" in line
            )


def plugin_session():
    *_, plugin = wheel_and_run(package_data=True)
    commands = [
        line
        for line in plugin[("--help",)].split("Commands:")[1].splitlines()
        if line.strip()
    ]
    return "\n".join(
        [
            "$ flask shop-version",
            plugin[("shop-version",)].rstrip(),
            "$ flask --help   # the Commands: part",
            *commands,
        ]
    )
