"""Extension errors, each reproduced: the failing code, and what the developer
sees. docs/troubleshooting/extensions.md shows them; the CORS messages come
from Chromium (tests/browser/test_cors_symptoms.py records them).
"""

import warnings

from flask import Flask, render_template_string, request
from flask_caching import Cache
from flask_cors import CORS
from flask_jwt_extended import (
    JWTManager,
    create_access_token,
    jwt_required,
    set_access_cookies,
)
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager, login_required, login_user
from flask_socketio import SocketIO
from flask_wtf.csrf import CSRFProtect


def last_line(error):
    kind = type(error)
    module = "" if kind.__module__ == "builtins" else f"{kind.__module__}."
    return f"{module}{kind.__qualname__}: {error}"


def warning_text(caught):
    return "\n".join(f"{w.category.__name__}: {w.message}" for w in caught)


# Flask-Login without a user loader
# --8<-- [start:login]
login_app = Flask(__name__)
login_app.secret_key = "dev"
login_manager = LoginManager(login_app)
# no @login_manager.user_loader anywhere that was imported


class Account:
    id, is_active, is_authenticated = 7, True, True

    def get_id(self):
        return str(self.id)


@login_app.post("/login")
def log_in():
    login_user(Account())  # stores "_user_id" in the session
    return "logged in"


@login_app.get("/account")
@login_required  # reads current_user: the loader is needed now
def account():
    return "your account"
# --8<-- [end:login]


def missing_user_loader():
    login_app.testing = True  # let the exception out of the test client
    client = login_app.test_client()
    client.post("/login")
    try:
        client.get("/account")
    except Exception as error:
        return last_line(error)


# Flask-WTF CSRF
# --8<-- [start:csrf-app]
csrf_app = Flask(__name__)
csrf_app.secret_key = "dev"
CSRFProtect(csrf_app)

FORM = """<form method="post">
  <input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
  <textarea name="text"></textarea><button>Send</button>
</form>"""


@csrf_app.route("/comment", methods=["GET", "POST"])
def comment():
    if request.method == "POST":
        return "thanks"
    return render_template_string(FORM)
# --8<-- [end:csrf-app]


def csrf_token_from(client):
    html = client.get("/comment").text
    return html.split('name="csrf_token" value="')[1].split('"')[0]


def post_comment(client, token):
    response = client.post("/comment", data={"csrf_token": token, "text": "hi"})
    return f"{response.status}: {response.text.split('<p>')[1].split('</p>')[0]}"


def csrf_tokens_do_not_match():
    # --8<-- [start:mismatch]
    first_tab, second_tab = csrf_app.test_client(), csrf_app.test_client()
    token = csrf_token_from(first_tab)  # the form was rendered for one session
    csrf_token_from(second_tab)  # another session (a new login, a new browser)
    return post_comment(second_tab, token)  # posts a token of the first
    # --8<-- [end:mismatch]


def csrf_same_session_passes():
    client = csrf_app.test_client()
    response = client.post("/comment", data={"csrf_token": csrf_token_from(client)})
    return response.status, response.text


# Flask-JWT-Extended with cookies
# --8<-- [start:jwt]
jwt_app = Flask(__name__)
jwt_app.config["JWT_SECRET_KEY"] = "dev-only-key-of-32-bytes-or-more!"
jwt_app.config["JWT_TOKEN_LOCATION"] = ["cookies"]  # CSRF check is on
jwt_app.config["JWT_COOKIE_SECURE"] = False  # plain http in this demo
JWTManager(jwt_app)


@jwt_app.post("/login")
def jwt_login():
    response = jwt_app.json.response({"login": "ok"})
    set_access_cookies(response, create_access_token(identity="ada"))
    return response


@jwt_app.post("/transfer")
@jwt_required()
def transfer():
    return {"done": True}
# --8<-- [end:jwt]


def jwt_missing_csrf(send_header=False):
    client = jwt_app.test_client()
    client.post("/login")
    headers = {}
    if send_header:
        # --8<-- [start:jwt-fix]
        csrf = client.get_cookie("csrf_access_token").value
        headers = {"X-CSRF-TOKEN": csrf}  # what the frontend's fetch must add
        # --8<-- [end:jwt-fix]
    response = client.post("/transfer", headers=headers)
    return f"{response.status} {response.get_data(as_text=True).strip()}"


# Flask-JWT-Extended with headers (the default): no token sent
header_jwt_app = Flask(__name__)
header_jwt_app.config["JWT_SECRET_KEY"] = "dev-only-key-of-32-bytes-or-more!"
JWTManager(header_jwt_app)


@header_jwt_app.get("/api/me")
@jwt_required()
def me():
    return {"user": "ada"}


# Flask-Limiter with no storage configured
def limiter_in_memory_warning():
    app = Flask(__name__)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        # --8<-- [start:limiter]
        Limiter(get_remote_address, app=app, default_limits=["100/hour"])
        # --8<-- [end:limiter]
    return warning_text(caught)


def limiter_with_storage_is_quiet():
    app = Flask(__name__)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        Limiter(get_remote_address, app=app, storage_uri="memory://")
    return warning_text(caught)


# Flask-Caching with no CACHE_TYPE
def caching_null_warning():
    app = Flask(__name__)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        # --8<-- [start:cache]
        cache = Cache(app)  # no CACHE_TYPE in app.config
        # --8<-- [end:cache]
    return f"{warning_text(caught)}\ncache type: {type(cache.cache).__name__}"


# Flask-SocketIO and an old client
# --8<-- [start:socketio]
socketio_app = Flask(__name__)
socketio = SocketIO(socketio_app)  # python-socketio 5: Engine.IO protocol 4
# --8<-- [end:socketio]


# CORS, the two apps Chromium loads: the page on one origin, the API on another
# --8<-- [start:cors]
page_app = Flask("page")


@page_app.get("/")
def dashboard():  # reads the API: /#<api origin>/<path>!<credentials mode>
    return """<title>waiting</title><script>
      const [url, mode] = location.hash.slice(1).split("!");
      fetch(url, {credentials: mode || "same-origin"})
        .then(r => r.json()).then(d => { document.title = "read " + d.n },
                                  () => { document.title = "blocked" })
    </script>"""


api_app = Flask("api")
CORS(api_app, resources={r"/public/*": {}})  # every origin, no credentials


@api_app.get("/private/count")  # outside the CORS resources
@api_app.get("/public/count")
def count():
    return {"n": 3}


@api_app.get("/star/count")
def star_count():  # the hand-written header many answers suggest
    return {"n": 3}, {"Access-Control-Allow-Origin": "*"}
# --8<-- [end:cors]
