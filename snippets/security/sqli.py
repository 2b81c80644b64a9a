"""SQL injection, fixed: the value travels as a bound parameter, not as SQL."""

import sqlite3

from flask import Flask, request


# --8<-- [start:db]
def make_db():
    db = sqlite3.connect(":memory:", check_same_thread=False)
    db.executescript("""
        CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT, owner TEXT);
        CREATE TABLE users (name TEXT, password_hash TEXT);
        INSERT INTO products VALUES
            (1, 'pen', 'ada'), (2, 'ink', 'ada'), (3, 'vault', 'grace');
        INSERT INTO users VALUES ('ada', 'scrypt:32768:8:1$ada-hash'),
                                 ('grace', 'scrypt:32768:8:1$grace-hash');
    """)
    return db
# --8<-- [end:db]


app = Flask(__name__)
db = make_db()


# --8<-- [start:safe]
def products_of(owner):
    rows = db.execute(
        "SELECT id, name FROM products WHERE owner = ? ORDER BY id",
        (owner,),  # sent separately: the driver never parses it as SQL
    )
    return [{"id": i, "name": n} for i, n in rows]


@app.get("/products")
def products():
    return products_of(request.args.get("owner", ""))
# --8<-- [end:safe]
