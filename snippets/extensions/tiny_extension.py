"""A tiny extension of our own: one object, many apps, state kept per app."""

import sqlite3
from dataclasses import dataclass

from flask import Flask, current_app, g, request


# --8<-- [start:extension]
@dataclass
class _State:
    """What one app needs: its own settings and counters, never shared."""

    path: str
    connections_opened: int = 0


class TinySQLite:
    def __init__(self, app=None):
        # No app here on purpose: the object is created at import time,
        # before any app exists (application factory).
        if app is not None:
            self.init_app(app)

    def init_app(self, app):
        path = app.config.get("TINYSQLITE_PATH")
        if not path:
            raise RuntimeError(
                "TinySQLite needs TINYSQLITE_PATH in app.config "
                "before init_app()."
            )
        # per-app state lives on the app
        app.extensions["tinysqlite"] = _State(path=path)
        # runs after every request and CLI command
        app.teardown_appcontext(self._close)

    @staticmethod
    def _state():
        try:
            return current_app.extensions["tinysqlite"]
        except KeyError:
            raise RuntimeError(
                "TinySQLite.init_app() was not called for this app."
            ) from None

    @property
    def connection(self):
        """One connection per app context, opened on first use."""
        if "tinysqlite_conn" not in g:
            state = self._state()
            g.tinysqlite_conn = sqlite3.connect(state.path)
            state.connections_opened += 1
        return g.tinysqlite_conn

    @staticmethod
    def _close(exc):
        conn = g.pop("tinysqlite_conn", None)
        if conn is not None:
            conn.close()


# --8<-- [end:extension]


# --8<-- [start:factory]
db = TinySQLite()  # module level: importable by views, bound to no app


def create_app(path):
    app = Flask(__name__)
    app.config["TINYSQLITE_PATH"] = path
    db.init_app(app)

    @app.post("/notes")
    def add_note():
        data = request.get_json(silent=True)
        text = data.get("text") if isinstance(data, dict) else None
        if not isinstance(text, str) or not text.strip():
            return {"error": 'send JSON like {"text": "buy milk"}'}, 400
        _notes_table().execute("insert into note values (?)", (text,))
        db.connection.commit()
        return {"saved": text}, 201

    @app.get("/notes")
    def list_notes():
        rows = _notes_table().execute("select text from note").fetchall()
        state = app.extensions["tinysqlite"]
        return {
            "notes": [r[0] for r in rows],
            "connections_opened": state.connections_opened,
        }

    return app


def _notes_table():
    db.connection.execute("create table if not exists note (text text)")
    return db.connection


# --8<-- [end:factory]


# --8<-- [start:demo]
def two_apps_demo():
    """Two apps, one extension: each sees its own database and counters."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        shop = create_app(str(Path(tmp) / "shop.db")).test_client()
        blog = create_app(str(Path(tmp) / "blog.db")).test_client()
        shop.post("/notes", json={"text": "order pens"})
        shop.post("/notes", json={"text": "order ink"})
        blog.post("/notes", json={"text": "draft post"})
        bad = blog.post("/notes", json={"text": ""})
        lines = [
            f"shop GET /notes -> {shop.get('/notes').json}",
            f"blog GET /notes -> {blog.get('/notes').json}",
            "blog POST /notes with an empty text -> "
            f"{bad.status_code} {bad.json}",
        ]
    return "\n".join(lines)


# --8<-- [end:demo]
