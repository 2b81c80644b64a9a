"""Drive Gunicorn on loopback with each worker class; write the numbers to a
JSON file.

    python -m snippets.scaling.worker_benchmark   # the full run behind the page
"""

import argparse
import json
import os
import platform
import statistics
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version
from pathlib import Path

from snippets.scaling.loopback_server import gunicorn

RESULTS = Path(__file__).with_name("worker_benchmark.json")

# --8<-- [start:setups]
WORKERS = 2
# worker class -> Gunicorn options; every setup gets the same two processes
SETUPS = {
    # 1 request per process
    "sync": ["--worker-class", "sync"],
    # 4 per process
    "gthread": ["--worker-class", "gthread", "--threads", "4"],
    # 100 greenlets
    "gevent": ["--worker-class", "gevent", "--worker-connections", "100"],
}
# --8<-- [end:setups]


# --8<-- [start:load]
def timed_get(url):
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:
        response.read()
    return time.perf_counter() - start


def load(url, requests, clients):
    """`requests` GETs from `clients` threads at once; throughput and latency.
    """
    timed_get(url)  # warm up: the first request imports lazily
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        latencies = sorted(pool.map(timed_get, [url] * requests))
    elapsed = time.perf_counter() - start
    return {
        "requests_per_s": round(requests / elapsed, 1),
        "median_ms": round(statistics.median(latencies) * 1000, 1),
        "p95_ms": round(latencies[int(len(latencies) * 0.95) - 1] * 1000, 1),
    }
# --8<-- [end:load]


# --8<-- [start:run]
def benchmark(requests=64, clients=16, workers=WORKERS, env=None):
    results = []
    for worker_class, options in SETUPS.items():
        args = ["--workers", str(workers), *options]
        with gunicorn("snippets.scaling.benchmark_app:app", args, env) as base:
            for endpoint in ("io", "cpu"):
                row = {"worker_class": worker_class, "endpoint": f"/{endpoint}"}
                results.append(
                    row | load(f"{base}/{endpoint}", requests, clients)
                )
    machine = {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "gunicorn": version("gunicorn"),
        "workers": workers,
        "requests": requests,
        "clients": clients,
    }
    return {"machine": machine, "results": results}
# --8<-- [end:run]


def results_table(path=RESULTS):
    data = json.loads(Path(path).read_text())
    m = data["machine"]
    lines = [
        f"{m['cpus']} CPUs, Python {m['python']}, {m['platform']}, "
        f"Gunicorn {m['gunicorn']}",
        f"{m['workers']} worker process(es) per setup, "
        f"{m['requests']} requests from {m['clients']} "
        "concurrent clients per row",
        "",
        f"{'worker class':13} {'endpoint':9} {'req/s':>7} {'median ms':>10} "
        f"{'p95 ms':>8}",
    ]
    for r in data["results"]:
        lines.append(
            f"{r['worker_class']:13} {r['endpoint']:9} "
            f"{r['requests_per_s']:>7} {r['median_ms']:>10} {r['p95_ms']:>8}"
        )
    return "\n".join(lines)


TINY = {"requests": 2, "clients": 2, "workers": 1, "env": {"CPU_ROUNDS": "10"}}


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Benchmark Gunicorn worker classes."
    )
    parser.add_argument(
        "--tiny", action="store_true", help="the tests' mode: measures nothing"
    )
    parser.add_argument("--out", type=Path, default=RESULTS)
    options = parser.parse_args(argv)
    data = benchmark(**(TINY if options.tiny else {}))
    options.out.write_text(json.dumps(data, indent=2) + "\n")
    return results_table(options.out)


if __name__ == "__main__":
    print(main())
