"""Which nginx the chapter's tests ran with: the pages ask the installed binary
when the site is built."""

import shutil
import subprocess


# --8<-- [start:nginx]
def nginx_version():
    """What `nginx -v` prints on the machine that built the site (and ran the
    tests)."""
    path = shutil.which("nginx") or shutil.which(
        "nginx", path="/usr/sbin:/usr/local/sbin"
    )
    if path is None:
        return (
            "$ nginx -v\n"
            "nginx: command not found (this build had no nginx installed)"
        )
    shown = subprocess.run(
        [path, "-v"], capture_output=True, text=True, timeout=10, check=True
    )
    # nginx prints its version on stderr
    return "$ nginx -v\n" + shown.stderr.strip()
# --8<-- [end:nginx]
