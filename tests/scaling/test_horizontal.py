"""nginx balancing two Gunicorn instances that keep sessions in one Redis."""

import http.cookiejar
import json
import urllib.parse
import urllib.request
from pathlib import Path

import redis

from snippets.scaling.session_app import create_app
from tests.servers import free_port, gunicorn, nginx, redis_server

CONF = Path(__file__).resolve().parents[2] / "snippets/scaling/nginx_load_balancer.conf"


def fill(conf, tmp, port, a, b):
    return (conf.replace("TMP_DIR", str(tmp)).replace("LISTEN_PORT", str(port))
            .replace("INSTANCE_A", a.removeprefix("http://"))
            .replace("INSTANCE_B", b.removeprefix("http://")))


def test_requests_reach_both_instances_and_the_session_follows(tmp_path):
    conf = CONF.read_text()
    assert "upstream flask_app" in conf and "# ip_hash;" in conf
    port = free_port()
    with redis_server(tmp_path) as url:
        env = {"REDIS_URL": url, "SECRET_KEY": "shared by every instance"}
        app = "snippets.scaling.session_app:create_app()"
        with gunicorn(app, tmp_path, env=env | {"INSTANCE_ID": "a"}, name="a") as a, \
             gunicorn(app, tmp_path, env=env | {"INSTANCE_ID": "b"}, name="b") as b, \
             nginx(fill(conf, tmp_path, port, a, b), tmp_path, port) as front:
            browser = urllib.request.build_opener(
                urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
            login = urllib.parse.urlencode({"user": "ada"}).encode()
            browser.open(f"{front}/login", data=login, timeout=5).read()
            answers = [json.loads(browser.open(f"{front}/whoami", timeout=5).read())
                       for _ in range(6)]
        with redis.Redis.from_url(url) as db:
            stored = [k.decode() for k in db.scan_iter("shop-session:*")]

    assert {answer["instance"] for answer in answers} == {"a", "b"}  # both served
    instances = [answer["instance"] for answer in answers]
    assert all(x != y for x, y in zip(instances, instances[1:]))     # round robin: a, b, a, ...
    assert all(answer["user"] == "ada" for answer in answers)        # session survived
    assert [answer["hits"] for answer in answers] == [1, 2, 3, 4, 5, 6]
    assert len(stored) == 1  # one session, in Redis, whichever instance wrote last


def test_server_side_session_in_process(tmp_path):
    with redis_server(tmp_path) as url:
        app = create_app(url)
        client = app.test_client()
        client.post("/login", data={"user": "grace"})
        assert client.get("/whoami").get_json() == {"instance": "local", "user": "grace", "hits": 1}
        session_id = client.get_cookie("session").value
        with redis.Redis.from_url(url) as db:
            assert db.exists(f"shop-session:{session_id}") == 1  # the cookie is only the id
        app.config["SESSION_REDIS"].close()


def test_cookie_sessions_also_cross_instances_with_one_secret_key(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "same everywhere")
    one, two = create_app(server_side=False), create_app(server_side=False)
    client = one.test_client()
    client.post("/login", data={"user": "ada"})
    cookie = client.get_cookie("session").value
    other = two.test_client()
    other.set_cookie("session", cookie)
    assert other.get("/whoami").get_json()["user"] == "ada"

    monkeypatch.setenv("SECRET_KEY", "a different key")
    stranger = create_app(server_side=False).test_client()
    stranger.set_cookie("session", cookie)
    assert stranger.get("/whoami").get_json()["user"] is None  # bad signature: empty session
