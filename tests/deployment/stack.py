"""The chapter's stack for the tests: Gunicorn with gunicorn.conf.py, nginx with nginx-shop.conf."""

import contextlib
import http.client
import json
import re
import shutil
import ssl
import subprocess
from pathlib import Path

import pytest

from tests.servers import free_port, gunicorn, nginx

DEPLOY = Path(__file__).resolve().parents[2] / "snippets" / "deployment"
CONFIG = DEPLOY / "gunicorn.conf.py"
SITE = DEPLOY / "nginx-shop.conf"
APP = "shop:create_app()"

# Stands in for Debian's /etc/nginx/nginx.conf, with logs and temp files in the test's directory.
MAIN_CONF = """events {{}}
http {{
    types {{ text/css css; }}
    access_log {d}/access.log;
    client_body_temp_path {d}/body;
    proxy_temp_path {d}/proxy;
    fastcgi_temp_path {d}/fastcgi;
    uwsgi_temp_path {d}/uwsgi;
    scgi_temp_path {d}/scgi;
{site}
}}
"""


def environment(**config):
    """What systemd's EnvironmentFile or `docker run -e` would provide."""
    env = {"PYTHONPATH": str(DEPLOY), "WEB_CONCURRENCY": "2", "FLASK_SECRET_KEY": "test-only"}
    env.update({f"FLASK_{key}": value for key, value in config.items()})
    return env


def fill(template, **values):
    """Replace the {{PLACEHOLDERS}} of a snippet; fail if one is left."""
    for name, value in values.items():
        template = template.replace("{{" + name + "}}", str(value))
    code = [line for line in template.splitlines() if not line.lstrip().startswith("#")]
    assert not re.search(r"\{\{[A-Z_]+\}\}", "\n".join(code)), template
    return template


def certificate(directory):
    """A throwaway self-signed certificate for shop.example.com and 127.0.0.1."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.fail("`openssl` is not installed: sudo apt-get install openssl", pytrace=False)
    cert, key = Path(directory) / "cert.pem", Path(directory) / "key.pem"
    subprocess.run([openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-days", "1", "-subj", "/CN=shop.example.com", "-keyout", str(key),
                    "-out", str(cert), "-addext", "subjectAltName=DNS:shop.example.com,IP:127.0.0.1"],
                   check=True, capture_output=True, timeout=20)
    return cert, key


class Stack:
    def __init__(self, directory, https_port, http_port, cert):
        self.directory, self.https_port, self.http_port = Path(directory), https_port, http_port
        self.tls = ssl.create_default_context(cafile=str(cert))

    def request(self, method, path, headers=None, body=None, tls=True, source="127.0.0.2"):
        """One request from the client's address (127.0.0.2, loopback) to nginx."""
        if tls:
            conn = http.client.HTTPSConnection("127.0.0.1", self.https_port, context=self.tls,
                                               timeout=10, source_address=(source, 0))
        else:
            conn = http.client.HTTPConnection("127.0.0.1", self.http_port, timeout=10,
                                              source_address=(source, 0))
        try:
            conn.request(method, path, body=body, headers={"Host": "shop.example.com", **(headers or {})})
            response = conn.getresponse()
            return response.status, response.headers, response.read()
        finally:
            conn.close()

    def json(self, path, **kwargs):
        status, _, body = self.request("GET", path, **kwargs)
        assert status == 200, body
        return json.loads(body)

    def log(self, name):
        return (self.directory / name).read_text()


@contextlib.contextmanager
def shop_behind_nginx(directory, **config):
    cert, key = certificate(directory)
    with gunicorn(APP, directory, config=CONFIG, env=environment(**config)) as upstream:
        http_port, https_port = free_port(), free_port()
        site = fill(SITE.read_text(), UPSTREAM=upstream.removeprefix("http://"),
                    HTTP_LISTEN=f"127.0.0.1:{http_port}", HTTPS_LISTEN=f"127.0.0.1:{https_port}",
                    CERT=cert, KEY=key, STATIC_ROOT=DEPLOY / "shop" / "static")
        with nginx(MAIN_CONF.format(d=directory, site=site), directory, https_port):
            yield Stack(directory, https_port, http_port, cert)
