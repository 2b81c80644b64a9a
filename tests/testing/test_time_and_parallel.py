"""The time-and-parallel example suite under pytest-xdist: every test passes on two workers,
each worker with its own database, and the clock tests prove expiry without waiting."""

from snippets.testing import run_parallel

EXPECTED = [
    "test_clock.py::test_a_download_link_lasts_ten_minutes PASSED",
    "test_clock.py::test_an_active_session_keeps_sliding PASSED",
    "test_clock.py::test_an_idle_session_expires_after_30_minutes PASSED",
    "test_clock.py::test_the_rate_limit_window_resets PASSED",
    *(f"test_orders.py::test_each_test_sees_only_its_own_row[{item}] PASSED"
      for item in ("ink", "nib", "pad", "pen")),
]


def test_two_workers_two_databases_every_test_passes():
    assert run_parallel.report().splitlines() == [
        "created: 2/2 workers", *EXPECTED, "8 passed",
        "databases: shop_test_gw0.sqlite, shop_test_gw1.sqlite"]


def test_the_clock_is_moved_not_waited_for():
    stdout, _ = run_parallel.xdist_run()
    seconds = float(stdout.strip().splitlines()[-1].split(" in ")[1].split("s")[0])
    assert seconds < 60  # the suite "waits" two hours of session time, ten minutes of token time
