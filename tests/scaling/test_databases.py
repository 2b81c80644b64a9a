"""Pool settings, the N+1 problem and a read replica, on SQLite."""

from snippets.scaling import db_pool, n_plus_one, read_replica


def test_engine_options_configure_the_pool(tmp_path):
    app = db_pool.create_app(f"sqlite:///{tmp_path}/shop.db")
    assert db_pool.pool_settings(app) == {"class": "QueuePool", "size": 10, "max_overflow": 5,
                                          "timeout": 5, "pre_ping": True, "recycle": 1800}


def test_legacy_pool_size_key_is_silently_ignored(tmp_path):
    app = db_pool.create_app_legacy(f"sqlite:///{tmp_path}/shop.db")
    assert db_pool.pool_settings(app)["size"] == 5  # SQLAlchemy's default, not 20
    assert "QueuePool" in db_pool.compare()


def test_connection_arithmetic():
    assert db_pool.connections_needed(10, 5, 4, 3) == 180
    assert "180" in db_pool.sizing_table()


def test_lazy_loading_is_one_plus_n_and_selectinload_is_two():
    client = n_plus_one.create_app().test_client()
    n_plus_one.statements.clear()
    lazy = client.get("/authors/lazy").get_json()
    assert len(lazy) == 5 and len(n_plus_one.statements) == 1 + 5
    n_plus_one.statements.clear()
    eager = client.get("/authors/eager").get_json()
    assert eager == lazy and len(n_plus_one.statements) == 2
    assert " IN (" in n_plus_one.statements[1]
    assert "6 SQL statements" in n_plus_one.compare()


def test_reads_go_to_the_replica_writes_to_the_primary(tmp_path):
    app = read_replica.create_app(f"sqlite:///{tmp_path}/primary.db",
                                  f"sqlite:///{tmp_path}/replica.db")
    db = read_replica.db
    with app.app_context():
        db.create_all()
        db.metadata.create_all(db.engines["replica"])  # the replica has the same schema
    client = app.test_client()
    assert client.post("/products", json={"name": "pen"}).status_code == 201
    # Not replicated yet: the replica lags, the primary has it.
    assert client.get("/products").get_json() == {"products": [], "from": "replica"}
    assert client.get("/products?fresh=1").get_json() == {"products": ["pen"], "from": "primary"}
    with app.app_context():  # "replication" catches up
        with db.engines["replica"].begin() as connection:
            connection.execute(read_replica.Product.__table__.insert(), [{"id": 1, "name": "pen"}])
    assert client.get("/products").get_json() == {"products": ["pen"], "from": "replica"}
