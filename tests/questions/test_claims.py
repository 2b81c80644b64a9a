"""Claims the question bank makes about topics whose chapters are still being written.

Each test proves one statement of docs/questions/bank.yml or wrong-answers.yml (the audit item
or question id is in the test's name or docstring) on the versions in requirements.txt.
"""

import importlib
import json
import sys
import types

import click
import pytest
from flask import Blueprint, Flask, current_app
from flask.cli import find_best_app
from flask_jwt_extended import JWTManager, create_access_token, jwt_required
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from limits.strategies import STRATEGIES
from marshmallow import Schema, fields
from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from werkzeug.exceptions import NotFound


def test_item_6_a_directory_without_init_py_imports(tmp_path, monkeypatch):
    (tmp_path / "shop").mkdir()
    (tmp_path / "shop" / "views.py").write_text("ANSWER = 42\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()
    try:
        assert importlib.import_module("shop.views").ANSWER == 42
        assert not hasattr(sys.modules["shop"], "__file__") or sys.modules["shop"].__file__ is None
    finally:
        for name in ("shop.views", "shop"):
            sys.modules.pop(name, None)


def test_item_15_a_second_registration_needs_a_name():
    app, bp = Flask(__name__), Blueprint("user", __name__)
    bp.add_url_rule("/me", "me", lambda: "me")
    app.register_blueprint(bp, url_prefix="/v1")
    with pytest.raises(ValueError, match="is already registered.*name="):
        app.register_blueprint(bp, url_prefix="/v2")
    app.register_blueprint(bp, url_prefix="/v2", name="user_v2")
    client = app.test_client()
    assert client.get("/v1/me").text == client.get("/v2/me").text == "me"


def sqlalchemy_app(tmp_path, **config):
    app = Flask(__name__, instance_path=str(tmp_path / "instance"))
    app.config.update(SQLALCHEMY_DATABASE_URI="sqlite:///site.db", **config)

    class Base(DeclarativeBase):  # one registry per app, so the models do not collide
        pass

    db = SQLAlchemy(model_class=Base)

    class User(db.Model):
        id: Mapped[int] = mapped_column(primary_key=True)
        name: Mapped[str] = mapped_column(String(40))

    db.init_app(app)
    return app, db, User


def test_items_13_and_23_relative_sqlite_paths_and_the_app_context(tmp_path):
    app, db, _ = sqlalchemy_app(tmp_path)
    assert app.config["SQLALCHEMY_TRACK_MODIFICATIONS"] is False  # the default since 3.0
    with pytest.raises(RuntimeError, match="application context"):
        db.create_all()
    with app.app_context():
        db.create_all()
        assert db.engine.url.database == str(tmp_path / "instance" / "site.db")
    assert (tmp_path / "instance" / "site.db").is_file()


def test_item_25_the_sqlalchemy_2_query_style(tmp_path):
    app, db, User = sqlalchemy_app(tmp_path)
    with app.app_context():
        db.create_all()
        db.session.add_all([User(name="ada"), User(name="bob"), User(name="cy")])
        db.session.commit()
        names = db.session.execute(db.select(User.name).order_by(User.name)).scalars().all()
        assert names == ["ada", "bob", "cy"]
        assert db.session.execute(db.select(User).filter_by(name="bob")).scalar_one().id == 2
        assert db.get_or_404(User, 1).name == "ada"
        with pytest.raises(NotFound):
            db.get_or_404(User, 99)
        with app.test_request_context("/?page=2&per_page=2"):
            page = db.paginate(db.select(User).order_by(User.id))
            assert (page.page, page.total, [u.name for u in page.items]) == (2, 3, ["cy"])


def test_item_36_pool_options_come_from_engine_options(tmp_path):
    app, db, _ = sqlalchemy_app(tmp_path, SQLALCHEMY_POOL_SIZE=20)
    with app.app_context():
        assert db.engine.pool.size() == 5  # the removed key is silently ignored
    app, db, _ = sqlalchemy_app(tmp_path, SQLALCHEMY_ENGINE_OPTIONS={"pool_size": 20})
    with app.app_context():
        assert db.engine.pool.size() == 20


def test_item_14_marshmallow_4_removed_missing_and_default():
    with pytest.raises(TypeError):
        fields.Str(missing="guest")
    with pytest.raises(TypeError):
        fields.Str(default="guest")

    class UserSchema(Schema):
        name = fields.Str(load_default="guest", dump_default="guest")

    assert UserSchema().load({}) == {"name": "guest"}
    assert UserSchema().dump({}) == {"name": "guest"}


def test_item_39_from_json_is_gone_and_the_replacements_work(tmp_path, monkeypatch):
    app = Flask(__name__)
    assert not hasattr(app.config, "from_json")
    (tmp_path / "config.json").write_text(json.dumps({"SECRET_KEY": "from-file"}))
    app.config.from_file(str(tmp_path / "config.json"), load=json.load)
    assert app.config["SECRET_KEY"] == "from-file"
    monkeypatch.setenv("FLASK_MAX_CONTENT_LENGTH", "1024")
    monkeypatch.setenv("FLASK_CACHE__TIMEOUT", "60")
    app.config.from_prefixed_env()
    assert app.config["MAX_CONTENT_LENGTH"] == 1024
    assert app.config["CACHE"] == {"TIMEOUT": 60}


def test_item_40_cli_commands_take_dashes_and_run_in_an_app_context():
    app = Flask("shop")

    @app.cli.command()
    @click.option("--count", default=2)
    def create_users(count):
        click.echo(f"{current_app.name}: {count} users")

    runner = app.test_cli_runner()
    assert runner.invoke(args=["create-users", "--count", "3"]).output == "shop: 3 users\n"
    assert runner.invoke(args=["create_users"]).exit_code == 2  # no such command


def test_item_40_flask_limiter_has_three_strategies():
    assert {"fixed-window", "moving-window", "sliding-window-counter"} <= set(STRATEGIES)


def test_the_flask_command_finds_a_create_app_factory():
    module = types.ModuleType("mypackage")
    module.create_app = lambda: Flask("made-by-factory")
    assert find_best_app(module).name == "made-by-factory"


def test_jwt_identity_must_be_a_string():
    app = Flask(__name__)
    app.config["JWT_SECRET_KEY"] = "a-test-secret-that-is-long-enough-for-hs256"
    JWTManager(app)
    app.add_url_rule("/me", "me", jwt_required()(lambda: "ok"))
    with app.app_context():
        as_int, as_str = create_access_token(identity=1), create_access_token(identity="1")
    client = app.test_client()
    refused = client.get("/me", headers={"Authorization": f"Bearer {as_int}"})
    assert refused.status_code == 422
    assert refused.json == {"msg": "Subject must be a string"}
    assert client.get("/me", headers={"Authorization": f"Bearer {as_str}"}).text == "ok"


def test_csrf_protect_rejects_a_post_without_a_token():
    app = Flask(__name__)
    app.config["SECRET_KEY"] = "test"
    CSRFProtect(app)
    app.add_url_rule("/form", "form", lambda: "saved", methods=["POST"])
    assert app.test_client().post("/form", data={"name": "x"}).status_code == 400


def test_session_cookie_defaults_that_the_security_answer_relies_on():
    config = Flask(__name__).config
    assert config["SESSION_COOKIE_HTTPONLY"] is True
    assert config["SESSION_COOKIE_SECURE"] is False  # so production must switch it on
    assert config["SESSION_COOKIE_SAMESITE"] is None
    assert config["PERMANENT_SESSION_LIFETIME"].days == 31
    assert config["MAX_FORM_MEMORY_SIZE"] == 500_000 and config["MAX_FORM_PARTS"] == 1_000


# --- corrections of review 2026-12 (report F) -------------------------------------------------


def two_mounted_apps(**api_config):
    """Question dispatcher-middleware: an app at / and one mounted at /api, each with its key."""
    from flask import session
    from werkzeug.middleware.dispatcher import DispatcherMiddleware

    main, api = Flask("main"), Flask("api")
    main.secret_key, api.secret_key = "main-key", "api-key"
    api.config.update(api_config)
    for app, who in ((main, "main"), (api, "api")):
        app.add_url_rule("/login", "login", lambda who=who: session.update(who=who) or "ok")
        app.add_url_rule("/me", "me", lambda: dict(session))
    main.wsgi_app = DispatcherMiddleware(main.wsgi_app, {"/api": api.wsgi_app})
    return main.test_client()


def test_dispatcher_middleware_apps_write_the_same_session_cookie_by_default():
    client = two_mounted_apps()
    first = client.get("/login").headers["Set-Cookie"]
    second = client.get("/api/login").headers["Set-Cookie"]
    assert first.startswith("session=") and second.startswith("session=")
    assert "Path=/;" in first + ";" and "Path=/;" in second + ";"  # not Path=/api
    assert client.get("/me").json == {}  # main's cookie was replaced; api's key cannot verify it
    assert client.get("/api/me").json == {"who": "api"}


def test_dispatcher_middleware_apps_keep_their_sessions_with_distinct_cookie_names():
    client = two_mounted_apps(SESSION_COOKIE_NAME="api_session")
    client.get("/login")
    client.get("/api/login")
    assert client.get("/me").json == {"who": "main"}
    assert client.get("/api/me").json == {"who": "api"}


def count_lazy_loads(authors, posts, direction):
    """Question relationships: statements run by a loop that touches a lazy relationship."""
    from sqlalchemy import ForeignKey, create_engine, event, select
    from sqlalchemy.orm import Session, relationship

    class Base(DeclarativeBase):
        pass

    class Author(Base):
        __tablename__ = "author"
        id: Mapped[int] = mapped_column(primary_key=True)
        posts: Mapped[list["Post"]] = relationship(back_populates="author")

    class Post(Base):
        __tablename__ = "post"
        id: Mapped[int] = mapped_column(primary_key=True)
        author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))
        author: Mapped[Author] = relationship(back_populates="posts")

    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    with Session(engine) as db:
        people = [Author() for _ in range(authors)]
        db.add_all([Post(author=people[n % authors]) for n in range(posts)])
        db.commit()
    statements = []
    event.listen(engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    with Session(engine) as db:
        if direction == "post.author":
            for post in db.scalars(select(Post)):
                post.author
        else:
            for author in db.scalars(select(Author)):
                author.posts
    return len(statements)


def test_n_plus_one_many_to_one_costs_one_query_per_distinct_author():
    # 50 posts by 5 authors: the identity map serves an author it already loaded.
    assert count_lazy_loads(authors=5, posts=50, direction="post.author") == 1 + 5
    assert count_lazy_loads(authors=50, posts=50, direction="post.author") == 1 + 50


def test_n_plus_one_one_to_many_costs_one_query_per_parent():
    assert count_lazy_loads(authors=50, posts=100, direction="author.posts") == 1 + 50


def test_werkzeug_adds_head_flask_adds_options():
    """Question http-methods: the Rule adds HEAD on its own; OPTIONS comes from Flask."""
    from werkzeug.routing import Rule

    assert Rule("/", methods=["GET"]).methods == {"GET", "HEAD"}
    assert Rule("/", methods=["POST"]).methods == {"POST"}
    app = Flask(__name__)
    app.add_url_rule("/", "index", lambda: "x", methods=["POST"])
    assert app.url_map._rules_by_endpoint["index"][0].methods == {"POST", "OPTIONS"}


def test_the_debugger_pin_locks_after_10_wrong_guesses(monkeypatch):
    """Question debug-mode: guessing the PIN stops after 10 failures, even the right one."""
    from werkzeug.debug import DebuggedApplication
    from werkzeug.test import Client

    monkeypatch.setenv("WERKZEUG_DEBUG_PIN", "123-456-789")
    monkeypatch.setattr("werkzeug.debug.time.sleep", lambda seconds: None)
    debugged = DebuggedApplication(Flask(__name__), evalex=True, pin_security=True)

    def guess(pin):  # a new client each time, so no cookie from an earlier success helps
        query = {"__debugger__": "yes", "cmd": "pinauth", "pin": pin, "s": debugged.secret}
        return Client(debugged).get("/", query_string=query).json

    assert guess("123-456-789") == {"auth": True, "exhausted": False}  # the PIN, guessed early
    assert [guess("000-000-000") for _ in range(10)][-1] == {"auth": False, "exhausted": False}
    assert guess("123-456-789") == {"auth": False, "exhausted": True}


# --- corrections of the questions chapter check (ff) -----------------------------------------


def test_item_7_the_allow_header_order_changes_with_the_hash_seed():
    """Item 7: a GET to a POST-only route gets 405 and an Allow header whose order is not fixed.

    Werkzeug builds the header from a set of methods, so its order follows the string hash
    seed, which Python randomises per process: compare the header, never its text.
    """
    import subprocess

    code = ("from flask import Flask\n"
            "app = Flask('x')\n"
            "app.add_url_rule('/submit', 'submit', lambda: 'x', methods=['POST'])\n"
            "r = app.test_client().get('/submit')\n"
            "print(r.status_code, r.headers['Allow'])\n")
    seen = set()
    for seed in range(20):  # two orders are possible; stop as soon as both have shown up
        if len(seen) == 2:
            break
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                check=True, timeout=60, env={"PYTHONHASHSEED": str(seed)})
        status, allow = result.stdout.strip().split(" ", 1)
        assert status == "405" and set(allow.split(", ")) == {"POST", "OPTIONS"}
        seen.add(allow)
    assert seen == {"POST, OPTIONS", "OPTIONS, POST"}  # same set, different text per process


def test_large_files_an_upload_part_moves_to_disk_past_500_kib():
    """Question large-files: Werkzeug spools a file part to disk once it passes 512,000 bytes
    (500 KiB, `max_size = 1024 * 500` in werkzeug/formparser.py), not 500,000."""
    from flask import request

    app = Flask(__name__)
    app.add_url_rule("/upload", "upload", methods=["POST"],
                     view_func=lambda: {"on_disk": request.files["file"].stream._rolled})
    client = app.test_client()

    def on_disk(size):  # the body is built here: the client's own encoder spools big bodies too
        body = (b'--B\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\n'
                b"Content-Type: application/octet-stream\r\n\r\n" + b"x" * size + b"\r\n--B--\r\n")
        response = client.post("/upload", data=body, content_type="multipart/form-data; boundary=B")
        return response.json["on_disk"]

    assert on_disk(500_001) is False  # past 500 kB, still in memory
    assert on_disk(512_000) is False
    assert on_disk(512_001) is True


def test_app_run_under_the_flask_command_prints_a_notice_and_warns_nothing(monkeypatch, capsys):
    """Question app-run: the ignored call prints to stdout; it is not a Python warning."""
    import warnings

    monkeypatch.setenv("FLASK_RUN_FROM_CLI", "true")  # what every flask command sets
    monkeypatch.delenv("WERKZEUG_RUN_MAIN", raising=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a warning would raise here
        assert Flask(__name__).run(debug=True) is None  # returns at once, starts no server
    assert "Ignoring a call to 'app.run()'" in capsys.readouterr().out
