"""One database per pytest-xdist worker, in a place the workers share."""

import os
import sqlite3
from pathlib import Path

import pytest


# --8<-- [start:database]
# every worker builds its schema as it starts
@pytest.fixture(scope="session", autouse=True)
def database(tmp_path_factory, worker_id):
    """One database per worker: worker_id is "gw0", "gw1", ... under xdist,
    "master" without."""
    base = os.environ.get("SHARED_DB_DIR") or tmp_path_factory.getbasetemp()
    # PostgreSQL: CREATE DATABASE shop_test_gw0
    path = Path(base) / f"shop_test_{worker_id}.sqlite"
    connection = sqlite3.connect(path)
    connection.execute(
        "CREATE TABLE orders (id INTEGER PRIMARY KEY, item TEXT)"
    )
    connection.commit()
    yield connection
    connection.close()


@pytest.fixture
def db(database):
    """Each test inside a transaction that is rolled back: the worker's
    database stays empty."""
    yield database
    database.rollback()
# --8<-- [end:database]
