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
            # The attacker logs in as himself and plants his session id in the victim's browser.
            attacker, attacker_jar = cookie_browser()
            attacker.open(f"{front}/login", data=form(user="mallory"), timeout=5).read()
            planted = session_id(attacker_jar)
            browser, jar = cookie_browser()
            login = urllib.request.Request(f"{front}/login", data=form(user="ada"),
                                           headers={"Cookie": f"session={planted}"})
            browser.open(login, timeout=5).read()
            answers = [json.loads(browser.open(f"{front}/whoami", timeout=5).read())
                       for _ in range(6)]
            with redis.Redis.from_url(url) as db:
                stored = [k.decode() for k in db.scan_iter("shop-session:*")]
            stolen = json.loads(attacker.open(f"{front}/whoami", timeout=5).read())

    assert {answer["instance"] for answer in answers} == {"a", "b"}  # both served
    instances = [answer["instance"] for answer in answers]
    assert all(x != y for x, y in zip(instances, instances[1:]))     # round robin: a, b, a, ...
    assert all(answer["user"] == "ada" for answer in answers)        # session survived
    assert [answer["hits"] for answer in answers] == [1, 2, 3, 4, 5, 6]
    # One session, in Redis, whichever instance wrote last, and not under the planted id:
    # the login deleted that record and gave the victim a new one.
    assert stored == [f"shop-session:{session_id(jar)}"] and session_id(jar) != planted
    assert stolen["user"] is None  # the planted id opens nothing on any instance


def cookie_browser():
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar)), jar


def form(**fields):
    return urllib.parse.urlencode(fields).encode()


def session_id(jar):
    return next(cookie.value for cookie in jar if cookie.name == "session")


def test_login_gives_a_new_session_id_so_a_planted_one_is_worthless(tmp_path):
    # Session fixation against the real Redis: the record under the planted id is deleted at
    # login, and the victim's session lives under an id the attacker never saw.
    with redis_server(tmp_path) as url:
        app = create_app(url)
        store = app.config["SESSION_REDIS"]
        attacker, victim = app.test_client(), app.test_client()
        attacker.post("/login", data={"user": "mallory"})
        planted = attacker.get_cookie("session").value
        victim.set_cookie("session", planted)
        assert victim.get("/whoami").get_json()["user"] == "mallory"  # the plant took
        victim.post("/login", data={"user": "ada"})
        fresh = victim.get_cookie("session").value
        assert fresh != planted
        assert store.keys("shop-session:*") == [f"shop-session:{fresh}".encode()]
        assert victim.get("/whoami").get_json() == {"instance": "local", "user": "ada", "hits": 1}
        assert attacker.get("/whoami").get_json()["user"] is None
        store.close()


def test_without_regenerate_the_planted_id_would_log_the_attacker_in(tmp_path):
    # What the example did before it called regenerate(): the victim's login lands in the
    # attacker's record.
    with redis_server(tmp_path) as url:
        app = create_app(url)
        app.session_interface.regenerate = lambda session: None
        attacker, victim = app.test_client(), app.test_client()
        attacker.post("/login", data={"user": "mallory"})
        planted = attacker.get_cookie("session").value
        victim.set_cookie("session", planted)
        victim.post("/login", data={"user": "ada"})
        assert victim.get_cookie("session").value == planted
        assert attacker.get("/whoami").get_json()["user"] == "ada"  # session fixation
        app.config["SESSION_REDIS"].close()


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
