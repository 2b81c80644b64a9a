"""Releases side by side, a `current` symlink, a check before HUP, and a
rollback that is a deploy.

    /srv/shop/releases/2026-12-01-a/    one folder per release, never changed
    /srv/shop/releases/2026-12-01-b/    once built
    /srv/shop/current -> releases/2026-12-01-b
        what Gunicorn runs (`--chdir /srv/shop/current`)
"""

import os
import signal
import subprocess
import sys
from pathlib import Path

# --8<-- [start:deploy]
CHECK = "from shop import create_app; create_app()"  # what a new worker does


def check(release, env=None):
    """Build the app from `release` in a fresh interpreter, as a worker would;
    the result of the run."""
    return subprocess.run(
        [sys.executable, "-c", CHECK],
        cwd=release,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {}), "PYTHONPATH": str(release)},
        timeout=60,
    )


def switch(current, release):
    """Point the symlink `current` at `release` in one step: rename() replaces
    the old link."""
    new = current.with_name(current.name + ".new")
    new.unlink(missing_ok=True)
    new.symlink_to(release)
    # readers see the old link or the new one, never no link
    new.replace(current)


def deploy(current, release, master, env=None):
    """Check, switch, HUP. Returns the release that was serving: what a rollback
    deploys."""
    built = check(release, env)
    if built.returncode != 0:
        raise RuntimeError(
            f"{Path(release).name} cannot boot; nothing was changed:\n"
            f"{built.stderr}"
        )
    previous = current.resolve()
    switch(current, release)
    # new workers import from the new folder, old ones drain
    os.kill(master, signal.SIGHUP)
    return previous
# --8<-- [end:deploy]


# --8<-- [start:blue_green]
def switch_upstream(upstream_file, address, nginx_master):
    """Point nginx at the instance that passed /readyz: the upstream block
    includes this file."""
    new = upstream_file.with_name(upstream_file.name + ".new")
    new.write_text(f"server {address};\n")
    new.replace(upstream_file)
    # nginx -s reload: new workers, the old ones drain
    os.kill(nginx_master, signal.SIGHUP)
# --8<-- [end:blue_green]
