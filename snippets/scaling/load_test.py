"""Step a Locust load up against Gunicorn on loopback, listen to Gunicorn's
StatsD metrics, and write what was measured to a JSON file that the page reads.

    python -m snippets.scaling.load_test    # the full run behind the page
                                            # (about 15 s)
"""

import argparse
import contextlib
import json
import math
import os
import platform
import socket
import subprocess
import sys
import threading
from collections import Counter
from importlib.metadata import version
from pathlib import Path

from snippets.scaling.loopback_server import REPOSITORY, gunicorn

RESULTS = Path(__file__).with_name("load_test.json")
LOCUSTFILE = Path(__file__).with_name("locustfile.py")


# --8<-- [start:statsd]
@contextlib.contextmanager
def statsd_listener():
    """A UDP socket on 127.0.0.1 that keeps every datagram; yields (address,
    datagrams)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    sock.settimeout(0.2)
    datagrams, stop = [], threading.Event()

    def receive():
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                datagrams.append(sock.recv(1024).decode())

    thread = threading.Thread(target=receive, daemon=True)
    thread.start()
    try:
        yield "127.0.0.1:%d" % sock.getsockname()[1], datagrams
    finally:
        stop.set()
        thread.join(2)
        sock.close()
# --8<-- [end:statsd]


# --8<-- [start:locust]
def locust(base, users, seconds):
    """One headless Locust run: `users` users for `seconds`; its final stats as
    JSON."""
    command = [
        sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless",
        "--users", str(users), "--spawn-rate", str(users),
        "--run-time", f"{seconds}s", "--host", base,
        "--json", "--only-summary", "--loglevel", "WARNING",
    ]
    done = subprocess.run(
        command,
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        timeout=seconds + 30,
        check=True,
    )
    # one entry per request name; ours has one
    return json.loads(done.stdout)[0]


def summarise(stats, users):
    """Throughput, latency, and Little's law: requests in flight = throughput x
    latency."""
    seconds = stats["last_request_timestamp"] - stats["start_time"]
    rps = stats["num_requests"] / seconds
    mean_s = stats["total_response_time"] / stats["num_requests"] / 1000
    times = sorted(
        int(ms) for ms, n in stats["response_times"].items() for _ in range(n)
    )
    return {
        "users": users,
        "requests": stats["num_requests"],
        "failures": stats["num_failures"],
        "requests_per_s": round(rps, 1),
        "median_ms": times[len(times) // 2],
        "p95_ms": times[math.ceil(len(times) * 0.95) - 1],
        "in_flight": round(rps * mean_s, 1),
    }
# --8<-- [end:locust]


# --8<-- [start:run]
GUNICORN = ["--workers", "2", "--worker-class", "sync",
            "--enable-backlog-metric"]


def measure(steps=(1, 2, 4, 8), seconds=3):
    with statsd_listener() as (address, datagrams):
        args = [*GUNICORN, "--statsd-host", address, "--statsd-prefix", "shop"]
        with gunicorn("snippets.scaling.benchmark_app:app", args) as base:
            rows = [
                summarise(locust(base, users, seconds), users)
                for users in steps
            ]
    metrics = Counter(line.split(":")[0] for line in datagrams)
    machine = {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "gunicorn": version("gunicorn"),
        "locust": version("locust"),
        "gunicorn_args": GUNICORN,
        "seconds_per_step": seconds,
    }
    return {
        "machine": machine,
        "steps": rows,
        "statsd": dict(sorted(metrics.items())),
        "statsd_sample": sorted(
            {line.split(":")[0]: line for line in datagrams}.values()
        ),
    }
# --8<-- [end:run]


# --8<-- [start:plan]
def plan(data, target_rps, p95_budget_ms, headroom=0.7):
    """Instances of the measured setup for `target_rps`, keeping p95 within the
    budget."""
    within = [
        s
        for s in data["steps"]
        if s["p95_ms"] <= p95_budget_ms and not s["failures"]
    ]
    # the knee, before queueing
    best = max(within, key=lambda s: s["requests_per_s"])
    # never plan to run at 100%
    per_instance = best["requests_per_s"] * headroom
    return {
        "per_instance_rps": best["requests_per_s"],
        "at_users": best["users"],
        "instances": math.ceil(target_rps / per_instance),
    }
# --8<-- [end:plan]


def report(path=RESULTS):
    data = json.loads(Path(path).read_text())
    m = data["machine"]
    lines = [
        f"{m['cpus']} CPUs, Python {m['python']}, Gunicorn {m['gunicorn']} "
        f"{' '.join(m['gunicorn_args'][:4])}, Locust {m['locust']}, "
        f"{m['seconds_per_step']} s per step, GET /io (50 ms of waiting)",
        "",
        f"{'users':>5} {'requests':>8} {'req/s':>6} {'median ms':>9} "
        f"{'p95 ms':>6} {'in flight':>9}",
    ]
    for s in data["steps"]:
        lines.append(
            f"{s['users']:>5} {s['requests']:>8} {s['requests_per_s']:>6} "
            f"{s['median_ms']:>9} {s['p95_ms']:>6} {s['in_flight']:>9}"
        )
    sized = plan(data, target_rps=500, p95_budget_ms=120)
    lines += [
        "",
        "plan for 500 req/s at p95 <= 120 ms: "
        f"{sized['per_instance_rps']} req/s per "
        f"instance (at {sized['at_users']} users) x 0.7 headroom -> "
        f"{sized['instances']} instances",
    ]
    return "\n".join(lines)


def statsd_report(path=RESULTS):
    data = json.loads(Path(path).read_text())
    lines = [
        f"{name:34} {count:>5} datagrams"
        for name, count in data["statsd"].items()
    ]
    return "\n".join(
        [*lines, "", "one of each, as sent:", *data["statsd_sample"]]
    )


TINY = {"steps": (2,), "seconds": 2}


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Load-test Gunicorn with Locust."
    )
    parser.add_argument(
        "--tiny", action="store_true", help="the tests' mode: one short step"
    )
    parser.add_argument("--out", type=Path, default=RESULTS)
    options = parser.parse_args(argv)
    data = measure(**(TINY if options.tiny else {}))
    options.out.write_text(json.dumps(data, indent=2) + "\n")
    return (
        report(options.out)
        if len(data["steps"]) > 1
        else json.dumps(data["steps"])
    )


if __name__ == "__main__":
    print(main())
