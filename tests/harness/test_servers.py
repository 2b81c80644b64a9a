"""The real-server helpers start what they say, on loopback, and leave nothing running."""

import socket
import urllib.request

import pytest
import redis

from tests.servers import free_port, gunicorn, nginx, program, redis_server


def closed(url):
    host, port = url.split("//")[1].split("/")[0].split(":")
    with socket.socket() as probe:
        return probe.connect_ex((host, int(port))) != 0


def test_redis_starts_answers_and_stops(tmp_path):
    with redis_server(tmp_path) as url:
        assert url.startswith("redis://127.0.0.1:")
        client = redis.Redis.from_url(url)
        assert client.ping() is True
        client.close()
    assert closed(url)


def test_nginx_proxies_to_gunicorn_and_both_stop(tmp_path):
    (tmp_path / "app.py").write_text(
        "def app(environ, start_response):\n"
        "    start_response('200 OK', [('Content-Type', 'text/plain')])\n"
        "    return [environ.get('HTTP_X_VIA', 'direct').encode()]\n")
    port = free_port()
    with gunicorn("app:app", tmp_path) as upstream:
        conf = (f"events {{}}\nhttp {{\n  access_log off;\n"
                f"  client_body_temp_path {tmp_path}/body;\n  proxy_temp_path {tmp_path}/proxy;\n"
                f"  server {{\n    listen 127.0.0.1:{port};\n    location / {{\n"
                f"      proxy_set_header X-Via nginx;\n      proxy_pass {upstream};\n    }}\n  }}\n}}\n")
        with nginx(conf, tmp_path, port) as front:
            assert urllib.request.urlopen(upstream, timeout=5).read() == b"direct"
            assert urllib.request.urlopen(front, timeout=5).read() == b"nginx"
        assert closed(front)
    assert closed(upstream)


def test_a_missing_program_fails_with_the_install_command(monkeypatch):
    monkeypatch.setattr("shutil.which", lambda *args, **kwargs: None)
    with pytest.raises(pytest.fail.Exception, match="sudo apt-get install nginx"):
        program("nginx")
