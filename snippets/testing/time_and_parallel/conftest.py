"""One database per pytest-xdist worker, in a place the workers share."""

import os
import sqlite3
from pathlib import Path

import pytest


# --8<-- [start:database]
@pytest.fixture(scope="session", autouse=True)  # every worker builds its schema as it starts
def database(tmp_path_factory, worker_id):
    """One database per worker: worker_id is "gw0", "gw1", ... under xdist, "master" without."""
    shared = Path(os.environ.get("SHARED_DB_DIR") or tmp_path_factory.getbasetemp())
    path = shared / f"shop_test_{worker_id}.sqlite"  # PostgreSQL: CREATE DATABASE shop_test_gw0
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, item TEXT)")
    connection.commit()
    yield connection
    connection.close()


@pytest.fixture
def db(database):
    """Each test inside a transaction that is rolled back: the worker's database stays empty."""
    yield database
    database.rollback()
# --8<-- [end:database]
