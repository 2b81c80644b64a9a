"""Fork safety on real Gunicorn: a pool inherited through --preload, and gevent's patching order."""

import json
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from tests.servers import ROOT, gunicorn

CONF = ROOT / "snippets" / "scaling" / "fork_safety_conf.py"


def get(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def answers(tmp_path, args, config=None):
    env = {"DB_PATH": str(tmp_path / "shop.db")}
    with gunicorn("snippets.scaling.fork_safety:app", tmp_path, config=config, args=args, env=env) as url:
        return [get(f"{url}/whoami") for _ in range(6)]


def test_without_preload_each_worker_imports_the_app_and_opens_its_own_connection(tmp_path):
    seen = answers(tmp_path, ["--workers", "2"])
    assert all(a["app_imported_in"] == a["worker"] == a["connection_opened_in"] for a in seen)


def test_preload_hands_every_worker_the_connection_the_master_opened(tmp_path):
    seen = answers(tmp_path, ["--workers", "2", "--preload"])
    masters = {a["app_imported_in"] for a in seen}
    assert len(masters) == 1 and masters.isdisjoint(a["worker"] for a in seen)
    assert {a["connection_opened_in"] for a in seen} == masters  # one SQLite handle, shared


def test_dispose_after_fork_gives_each_worker_its_own_connection(tmp_path):
    from snippets.scaling import fork_safety_conf  # the file Gunicorn reads, as a module here

    assert callable(fork_safety_conf.post_fork)
    seen = answers(tmp_path, ["--workers", "2", "--preload"], config=CONF)
    assert all(a["connection_opened_in"] == a["worker"] != a["app_imported_in"] for a in seen)


def two_at_once(url):
    def timed(_):
        start = time.perf_counter()
        urllib.request.urlopen(url, timeout=10).read()
        return time.perf_counter() - start
    start = time.perf_counter()
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(timed, range(2)))
    return time.perf_counter() - start


def test_gevent_with_preload_leaves_names_bound_at_import_unpatched(tmp_path):
    args = ["--worker-class", "gevent", "--workers", "1"]
    with gunicorn("snippets.scaling.gevent_order:app", tmp_path, args=[*args, "--preload"]) as url:
        patched = get(f"{url}/patched")
        bound, looked_up = two_at_once(f"{url}/bound-at-import"), two_at_once(f"{url}/looked-up-per-call")
    with gunicorn("snippets.scaling.gevent_order:app", tmp_path, args=args, name="plain") as url:
        plain = get(f"{url}/patched")
        bound_plain = two_at_once(f"{url}/bound-at-import")

    assert patched == {"time.sleep": True, "bound at import": True}
    assert bound >= 0.55 and looked_up < 0.5  # 2 x 0.3 s in turn, against side by side
    assert plain == {"time.sleep": True, "bound at import": False}
    assert bound_plain < 0.5
