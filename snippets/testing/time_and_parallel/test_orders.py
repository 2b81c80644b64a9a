"""Tests that would collide on one shared database, not on one per worker."""

import os

import pytest


@pytest.mark.parametrize("item", ["pen", "ink", "pad", "nib"])
def test_each_test_sees_only_its_own_row(db, item, worker_id):
    db.execute("INSERT INTO orders (item) VALUES (?)", (item,))
    assert db.execute("SELECT item FROM orders").fetchall() == [(item,)]
    assert worker_id == os.environ.get("PYTEST_XDIST_WORKER", "master")
