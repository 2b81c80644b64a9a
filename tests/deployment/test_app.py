"""The shop factory in-process: configuration from the environment, the secret, ProxyFix, logging."""

import logging
import subprocess
import sys
from pathlib import Path

import pytest
from itsdangerous import BadSignature
from werkzeug.middleware.proxy_fix import ProxyFix

from snippets.deployment.shop import create_app

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def env(monkeypatch):
    for name in ("FLASK_SECRET_KEY", "FLASK_BEHIND_PROXY", "FLASK_MAX_CONTENT_LENGTH",
                 "FLASK_SECRET_KEY_FALLBACKS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("FLASK_SECRET_KEY", "from-the-environment")
    return monkeypatch


def test_config_comes_from_flask_prefixed_variables_parsed_as_json(env):
    env.setenv("FLASK_BEHIND_PROXY", "true")
    env.setenv("FLASK_MAX_CONTENT_LENGTH", "2048")
    app = create_app()
    assert app.config["SECRET_KEY"] == "from-the-environment"
    assert app.config["BEHIND_PROXY"] is True
    assert app.config["MAX_CONTENT_LENGTH"] == 2048
    assert isinstance(app.wsgi_app, ProxyFix)
    assert (app.wsgi_app.x_for, app.wsgi_app.x_proto, app.wsgi_app.x_host) == (1, 1, 1)
    assert app.debug is False


def test_double_underscore_nests_and_the_factory_argument_wins(env):
    env.setenv("FLASK_BEHIND_PROXY", "true")
    env.setenv("FLASK_SQLALCHEMY_ENGINE_OPTIONS__pool_size", "10")
    app = create_app({"BEHIND_PROXY": False})
    assert app.config["SQLALCHEMY_ENGINE_OPTIONS"] == {"pool_size": 10}
    assert app.config["BEHIND_PROXY"] is False and not isinstance(app.wsgi_app, ProxyFix)


def test_secret_key_fallbacks_from_the_environment_rotate_the_key(env):
    env.setenv("FLASK_SECRET_KEY", "old-key")
    old = create_app({"TESTING": True})
    env.setenv("FLASK_SECRET_KEY", "new-key")
    env.setenv("FLASK_SECRET_KEY_FALLBACKS", '["old-key"]')
    new = create_app({"TESTING": True})
    assert new.config["SECRET_KEY_FALLBACKS"] == ["old-key"]
    signer = new.session_interface.get_signing_serializer
    issued_before = signer(old).dumps({"user": 1})
    assert signer(new).loads(issued_before) == {"user": 1}  # still accepted
    issued_after = signer(new).dumps({"user": 1})
    with pytest.raises(BadSignature):  # new signatures use the new key
        signer(old).loads(issued_after)


def test_a_secret_that_looks_like_json_is_not_a_string(env):
    env.setenv("FLASK_SECRET_KEY", "12345")
    assert create_app().config["SECRET_KEY"] == 12345


def test_no_proxy_no_proxyfix(env):
    app = create_app()
    assert app.config["BEHIND_PROXY"] is False
    assert not isinstance(app.wsgi_app, ProxyFix)


def test_the_app_refuses_to_start_without_a_secret_key(env):
    env.delenv("FLASK_SECRET_KEY")
    with pytest.raises(RuntimeError, match="FLASK_SECRET_KEY is not set"):
        create_app()


def test_logging_keeps_gunicorns_loggers_and_flask_adds_no_handler(env, capsys):
    access = logging.getLogger("gunicorn.access")  # exists before create_app(), as in a worker
    app = create_app()  # no test config: the production path, which configures logging
    assert access.disabled is False
    assert app.logger.handlers == []  # the root handler from dictConfig does the work
    app.logger.warning("hello from the app")
    assert "WARNING" in capsys.readouterr().err.splitlines()[-1]


ORDER = """
import logging.config, sys
from flask import Flask
from snippets.deployment.shop.logging_config import LOGGING
app = Flask("shop")
assert "logger" not in vars(app), "Flask() created the logger"  # a cached_property, unused so far
if sys.argv[1] == "late":
    app.logger.info("first use")  # nothing receives records yet: Flask adds its own handler
logging.config.dictConfig(LOGGING)
app.logger.warning("the line")
"""


@pytest.mark.parametrize(("order", "copies"), [("first", 1), ("late", 2)])
def test_logging_configured_after_the_first_use_of_app_logger_doubles_every_line(order, copies):
    # A fresh interpreter: pytest's own capture handlers would otherwise count as a handler.
    run = subprocess.run([sys.executable, "-c", ORDER, order], capture_output=True, text=True,
                         timeout=30, check=True, cwd=ROOT)
    assert run.stderr.count("the line") == copies, run.stderr


def test_a_test_config_leaves_logging_alone(env):
    root = logging.getLogger()
    before = root.handlers[:]
    create_app({"TESTING": True})
    assert root.handlers == before


def test_the_routes(env):
    client = create_app({"TESTING": True}).test_client()
    health = client.get("/healthz")
    assert health.status_code == 200 and health.json["status"] == "ok"
    assert health.headers["Cache-Control"] == "no-store"
    assert client.get("/readyz").json == {"ready": True, "checks": {"database": True, "cache": True}}
    assert client.get("/whoami").json["external_url"] == "http://localhost/healthz"
    assert client.post("/upload", data=b"abc").json == {"bytes": 3}
    assert client.get("/slow?seconds=0").json["slept"] == 0.0
    assert client.post("/upload", data=b"x" * (1024 * 1024 + 1)).status_code == 413
    # Flask serves static files too, but asks caches to revalidate every time.
    with client.get("/static/site.css") as static:
        assert static.headers["Cache-Control"] == "no-cache"


def test_the_pages_demo_app(env):
    env.delenv("FLASK_SECRET_KEY")
    from snippets.deployment.demo import app

    assert app.config["SECRET_KEY"] == "only-for-this-page"
    assert app.test_client().get("/healthz").json["status"] == "ok"
