"""UNSAFE: shown to be attacked. A query built with an f-string."""

# =============================================================================
# UNSAFE: shown to be attacked. tests/security/test_sql_injection.py dumps
# every product and every password hash through this view. Do not copy it.
# =============================================================================

from flask import Flask, request

from snippets.security.sqli import make_db

app = Flask(__name__)
db = make_db()


# --8<-- [start:unsafe]
def products_of(owner):
    # UNSAFE: the value becomes part of the SQL text
    sql = f"SELECT id, name FROM products WHERE owner = '{owner}' ORDER BY id"
    return [{"id": i, "name": n} for i, n in db.execute(sql)]


@app.get("/products")
def products():
    return products_of(request.args.get("owner", ""))
# --8<-- [end:unsafe]
