"""Flask-WTF: CSRF on every POST, validators, and the form re-rendered with its errors."""

import re

import pytest

from snippets.extensions.wtf_forms import create_app, create_app_without_csrf

GOOD = {"username": "ada", "email": "ada@example.com", "age": "36", "password": "correct horse", "confirm": "correct horse"}


def token_from(page):
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)


def test_the_form_page_carries_a_hidden_csrf_token():
    response = create_app().test_client().get("/signup")
    assert response.status_code == 200
    assert len(token_from(response.get_data(as_text=True))) > 20


def test_a_post_without_a_token_gets_400():
    response = create_app().test_client().post("/signup", data=GOOD)
    assert response.status_code == 400
    assert "The CSRF token is missing." in response.get_data(as_text=True)


def test_a_post_with_a_forged_token_gets_400():
    client = create_app().test_client()
    client.get("/signup")  # the real token is tied to this session
    response = client.post("/signup", data={**GOOD, "csrf_token": "forged"})
    assert response.status_code == 400
    assert "The CSRF token is invalid." in response.get_data(as_text=True)


def test_a_token_from_another_session_is_refused():
    token = token_from(create_app().test_client().get("/signup").get_data(as_text=True))
    response = create_app().test_client().post("/signup", data={**GOOD, "csrf_token": token})
    assert response.status_code == 400
    assert "The CSRF session token is missing." in response.get_data(as_text=True)


def test_the_real_flow_get_the_token_then_post_it():
    client = create_app().test_client()
    token = token_from(client.get("/signup").get_data(as_text=True))
    response = client.post("/signup", data={**GOOD, "csrf_token": token})
    assert response.status_code == 302
    assert response.headers["Location"] == "/welcome/ada"
    assert client.get("/welcome/ada").get_data(as_text=True) == "Welcome, ada!"


def test_with_csrf_disabled_valid_data_redirects():
    response = create_app_without_csrf().test_client().post("/signup", data=GOOD)
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("changes", "messages"),
    [
        ({"username": ""}, ["This field is required."]),
        ({"username": "ab"}, ["Field must be between 3 and 20 characters long."]),
        ({"username": "Ada!"}, ["Use lowercase letters, digits and _ only."]),
        ({"username": "admin"}, ["That name is taken."]),
        ({"email": "ada.example.com"}, ["Enter an address like ada@example.com."]),
        ({"age": "9"}, ["Number must be between 13 and 120."]),
        # a value that is not a number fails conversion, then the range check sees None
        ({"age": "nine"}, ["Not a valid integer value.", "Number must be between 13 and 120."]),
        ({"password": "short", "confirm": "short"}, ["Field must be at least 8 characters long."]),
        ({"confirm": "different"}, ["Passwords differ."]),
    ],
)
def test_invalid_input_re_renders_the_form_with_the_errors(changes, messages):
    response = create_app_without_csrf().test_client().post("/signup", data={**GOOD, **changes})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert re.findall(r'<strong class="error">(.*?)</strong>', page) == messages
    assert page.count('aria-invalid="true"') == 1  # only the bad field is marked


def test_what_the_user_typed_is_kept_except_passwords():
    data = {**GOOD, "age": "9"}
    page = create_app_without_csrf().test_client().post("/signup", data=data).get_data(as_text=True)
    assert 'value="ada@example.com"' in page
    assert "correct horse" not in page  # PasswordField never echoes its value


def test_an_exempt_api_blueprint_takes_json_posts_without_a_token():
    client = create_app().test_client()
    response = client.post("/api/echo", json={"n": 1})
    assert response.status_code == 200
    assert response.json == {"received": {"n": 1}}
    bad = client.post("/api/echo", data="not json", content_type="text/plain")
    assert bad.status_code == 400
    assert bad.json == {"error": "Send a JSON object."}


def test_javascript_can_send_the_token_in_the_x_csrftoken_header():
    client = create_app().test_client()
    token = token_from(client.get("/signup").get_data(as_text=True))
    response = client.post("/signup", data=GOOD, headers={"X-CSRFToken": token})
    assert response.status_code == 302


def test_input_required_accepts_zero_where_data_required_would_not():
    from flask import Flask
    from flask_wtf import FlaskForm
    from wtforms import IntegerField
    from wtforms.validators import DataRequired

    page = create_app_without_csrf().test_client().post("/signup", data={**GOOD, "age": "0"})
    assert re.findall(r'<strong class="error">(.*?)</strong>', page.get_data(as_text=True)) == [
        "Number must be between 13 and 120."  # 0 counted as given, then out of range
    ]

    class Strict(FlaskForm):
        count = IntegerField(validators=[DataRequired()])

    app = Flask(__name__)
    app.config.update(SECRET_KEY="t", WTF_CSRF_ENABLED=False)
    with app.test_request_context(method="POST", data={"count": "0"}):
        form = Strict()
        assert not form.validate()
        assert form.errors == {"count": ["This field is required."]}


def test_tokens_expire_after_an_hour_by_default():
    assert create_app().config["WTF_CSRF_TIME_LIMIT"] == 3600


def test_the_form_token_is_a_signed_copy_of_a_value_in_the_session():
    from itsdangerous import URLSafeTimedSerializer

    app = create_app()
    client = app.test_client()
    token = token_from(client.get("/signup").get_data(as_text=True))
    with client.session_transaction() as session:
        raw = session["csrf_token"]
    assert re.fullmatch(r"[0-9a-f]{40}", raw) and token != raw
    assert URLSafeTimedSerializer(app.secret_key, salt="wtf-csrf-token").loads(token) == raw


def test_a_json_body_fills_the_form_too():
    response = create_app_without_csrf().test_client().post("/signup", json=GOOD)
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("method", "submitted"),
    [("POST", True), ("PUT", True), ("PATCH", True), ("DELETE", True), ("GET", False)],
)
def test_validate_on_submit_counts_only_unsafe_methods(method, submitted):
    from snippets.extensions.wtf_forms import SignupForm

    with create_app_without_csrf().test_request_context("/signup", method=method, data=GOOD):
        assert SignupForm().validate_on_submit() is submitted
