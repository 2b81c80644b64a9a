import base64

from werkzeug.user_agent import UserAgent

from snippets.requests.request_attributes import app

CHROME = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
          "Chrome/120.0.0.0 Safari/537.36")


def test_user_agent_keeps_only_the_string_since_werkzeug_2_1():
    body = app.test_client().get("/client", headers={"User-Agent": CHROME}).get_json()
    assert body == {"string": CHROME, "browser": None, "platform": None, "truthy": False}
    assert UserAgent(CHROME).version is None and UserAgent(CHROME).language is None


def test_data_is_empty_for_a_form_and_get_data_depends_on_the_order():
    client = app.test_client()
    after = client.post("/raw", data={"name": "ada"}).get_json()
    assert after == {"data": "", "get_data": "", "form": {"name": "ada"}}
    first = client.post("/raw/first", data={"name": "ada"}).get_json()
    assert first == {"get_data": "name=ada", "form": {"name": "ada"}}


def test_data_holds_a_body_of_any_other_type():
    text = app.test_client().post("/raw", data="hello", content_type="text/plain").get_json()
    assert text == {"data": "hello", "get_data": "hello", "form": {}}
    json = app.test_client().post("/raw", json={"a": 1}).get_json()
    assert json["data"] == '{"a": 1}' and json["form"] == {}


def auth(header=None):
    return app.test_client().get("/auth", headers={"Authorization": header} if header else {})


def test_authorization_parses_basic_and_bearer():
    basic = auth("Basic " + base64.b64encode(b"ada:s3cret").decode()).get_json()
    assert basic == {"type": "basic", "username": "ada", "password": "s3cret", "token": None}
    bearer = auth("Bearer abc.def.ghi").get_json()
    assert bearer == {"type": "bearer", "username": None, "password": None, "token": "abc.def.ghi"}
    assert auth("Token xyz").get_json()["token"] == "xyz"


def test_authorization_is_none_when_missing_or_broken():
    for header in (None, "Basic !!!not-base64"):
        response = auth(header)
        assert (response.status_code, response.get_json()) == (401, {"type": None})
        assert response.headers["WWW-Authenticate"] == 'Basic realm="api"'
