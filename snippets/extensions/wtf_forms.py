"""Flask-WTF: a form class, validators, CSRF protection and re-rendering with
errors.
"""

from flask import Blueprint, Flask, redirect, render_template, request, url_for
from flask_wtf import CSRFProtect, FlaskForm
from wtforms import IntegerField, PasswordField, StringField
from wtforms.validators import (
    EqualTo,
    InputRequired,
    Length,
    NumberRange,
    Regexp,
    ValidationError,
)

TAKEN = {"admin", "root"}


# --8<-- [start:form]
class SignupForm(FlaskForm):
    username = StringField(
        "Username",
        validators=[
            InputRequired(),
            Length(min=3, max=20),
            Regexp(
                r"^[a-z0-9_]+$",
                message="Use lowercase letters, digits and _ only.",
            ),
        ],
    )
    email = StringField(
        "Email",
        validators=[
            InputRequired(),
            Regexp(
                r"^[^@\s]+@[^@\s]+\.[^@\s]+$",
                message="Enter an address like ada@example.com.",
            ),
        ],
    )
    age = IntegerField(
        "Age", validators=[InputRequired(), NumberRange(min=13, max=120)]
    )
    password = PasswordField(
        "Password", validators=[InputRequired(), Length(min=8)]
    )
    confirm = PasswordField(
        "Repeat password",
        validators=[EqualTo("password", message="Passwords differ.")],
    )

    # validate_<field> runs after the field's own validators
    def validate_username(self, field):
        if field.data in TAKEN:
            raise ValidationError("That name is taken.")


# --8<-- [end:form]


# --8<-- [start:app]
csrf = CSRFProtect()


def create_app(**config):
    app = Flask(__name__, template_folder="wtf_templates")
    app.config.update(
        SECRET_KEY="dev only, set a real one from the environment", **config
    )
    # every POST, PUT, PATCH and DELETE now needs a valid token
    csrf.init_app(app)

    @app.route("/signup", methods=["GET", "POST"])
    def signup():
        form = SignupForm()
        # a POST whose data passed every validator
        if form.validate_on_submit():
            return redirect(url_for("welcome", name=form.username.data))
        # a failed POST shows the form again, with errors
        status = 422 if form.errors else 200
        return render_template("signup.html", form=form), status

    @app.get("/welcome/<name>")
    def welcome(name):
        return f"Welcome, {name}!"

    app.register_blueprint(api)
    return app


# --8<-- [end:app]


# --8<-- [start:api]
api = Blueprint("api", __name__, url_prefix="/api")
# only safe because this API does not authenticate with the session cookie
csrf.exempt(api)


@api.post("/echo")
def echo():
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        return {"error": "Send a JSON object."}, 400
    return {"received": data}


# --8<-- [end:api]


def create_app_without_csrf():
    """What tests of the validation logic use: no token to fetch first."""
    return create_app(WTF_CSRF_ENABLED=False)
