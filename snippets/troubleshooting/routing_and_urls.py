"""Routing and URL building going wrong: an app the `http` calls send requests to, and
functions that run the failing `url_for` or registration and return the error's last line."""

from flask import Blueprint, Flask, request, url_for

# --8<-- [start:app]
auth = Blueprint("auth", __name__, url_prefix="/auth")


@auth.get("/login")
def login():
    return "the login form"


@auth.get("/users/<username>")
def profile(username):
    return f"profile of {username}"


app = Flask(__name__)
app.register_blueprint(auth)


@app.route("/contact")  # GET only: no methods=
def contact():
    return '<form method="post"><button>Send</button></form>'


@app.route("/items/", methods=["GET", "POST"])  # slash: a folder-like URL
def items():
    return f"{request.method} items"


@app.get("/about")  # no slash: a file-like URL
def about():
    return "about us"


@app.get("/items/<int:item_id>")  # int: digits only, no sign
def item(item_id):
    return f"item {item_id}"


@app.get("/orders/<order_id>")
def order(id):  # the rule says order_id
    return f"order {id}"
# --8<-- [end:app]


def error_line(error):
    return f"{type(error).__module__}.{type(error).__qualname__}: {error}"


def endpoint_without_blueprint():
    with app.test_request_context():
        try:
            # --8<-- [start:endpoint_without_blueprint]
            url_for("login")  # the endpoint is "auth.login"
            # --8<-- [end:endpoint_without_blueprint]
        except Exception as error:
            return error_line(error)


def endpoint_missing_value():
    with app.test_request_context():
        try:
            # --8<-- [start:endpoint_missing_value]
            url_for("auth.profile")  # the rule needs <username>
            # --8<-- [end:endpoint_missing_value]
        except Exception as error:
            return error_line(error)


def built_urls():
    with app.test_request_context("/auth/login"):  # a request to a view of auth
        # --8<-- [start:built_urls]
        return "\n".join([
            url_for("auth.login"),
            url_for(".login"),  # "." = the blueprint of the current request
            url_for("auth.profile", username="ada"),
            url_for("auth.profile", username="ada", tab="posts"),  # extras: query
        ])
        # --8<-- [end:built_urls]


def view_argument_mismatch():
    """The 500 a browser gets hides it; the test client with exceptions propagated shows it."""
    app.config["PROPAGATE_EXCEPTIONS"] = True
    try:
        app.test_client().get("/orders/7")
    except TypeError as error:
        return f"TypeError: {error}"
    finally:
        app.config["PROPAGATE_EXCEPTIONS"] = None


def outside_a_request():
    try:
        with app.app_context():  # an app context, as in a CLI command or a job
            # --8<-- [start:outside_a_request]
            url_for("auth.login")
            # --8<-- [end:outside_a_request]
    except Exception as error:
        return error_line(error)


def with_server_name():
    # --8<-- [start:with_server_name]
    job_app = Flask(__name__)
    job_app.config.update(
        SERVER_NAME="shop.example.com", PREFERRED_URL_SCHEME="https")
    job_app.register_blueprint(auth)
    with job_app.app_context():
        return url_for("auth.login", _external=True)
    # --8<-- [end:with_server_name]


def wrapper_overwrites():
    shop = Flask(__name__)
    try:
        # --8<-- [start:wrapper_overwrites]
        def logged(view):
            def wrapper(*args, **kwargs):  # every view becomes "wrapper"
                return view(*args, **kwargs)
            return wrapper

        @shop.get("/cart")
        @logged
        def cart():
            return "cart"

        @shop.get("/checkout")  # raises: "wrapper" is taken by cart
        @logged
        def checkout(): return "checkout"  # never registered, never called
        # --8<-- [end:wrapper_overwrites]
    except AssertionError as error:
        first = shop.test_client().get("/cart").text
        return (f"AssertionError: {error}\n"
                f"(endpoints: {sorted(shop.view_functions)}; /cart still answers {first!r})")


def wrapper_fixed():
    shop = Flask(__name__)
    # --8<-- [start:wrapper_fixed]
    import functools

    def logged(view):
        @functools.wraps(view)  # copies __name__: the endpoint stays "cart"
        def wrapper(*args, **kwargs):
            return view(*args, **kwargs)
        return wrapper
    # --8<-- [end:wrapper_fixed]

    @shop.get("/cart")
    @logged
    def cart():
        return "cart"

    @shop.get("/checkout")
    @logged
    def checkout():
        return "checkout"

    client = shop.test_client()
    answers = [client.get(path).text for path in ("/cart", "/checkout")]
    return f"{', '.join(sorted(shop.view_functions))}: {answers}"


def signed_converter():
    # --8<-- [start:signed_converter]
    ledger = Flask(__name__)

    @ledger.get("/balance/<int(signed=True):delta>")
    def balance(delta):
        return f"delta {delta}"
    # --8<-- [end:signed_converter]
    return ledger.test_client().get("/balance/-5").text
