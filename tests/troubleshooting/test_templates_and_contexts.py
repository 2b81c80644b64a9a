"""Each symptom of docs/troubleshooting/templates-and-contexts.md, reproduced and asserted
word for word against Flask 3.1.3 and Jinja 3.1.6; and each fix, shown to work."""

import pytest
from flask import Flask, render_template

from snippets.troubleshooting import templates_and_contexts as snippet

client = snippet.app.test_client()
NO_APP = ("RuntimeError: Working outside of application context.\n\n"
          "This typically means that you attempted to use functionality that needed\n"
          "the current application. To solve this, set up an application context\n"
          "with app.app_context(). See the documentation for more information.")
NO_REQUEST = ("RuntimeError: Working outside of request context.\n\n"
              "This typically means that you attempted to use functionality that needed\n"
              "an active HTTP request. Consult the documentation on testing for\n"
              "information about how to avoid this problem.")


def test_template_not_found():
    shown = snippet.template_not_found()
    assert shown.splitlines()[0] == "jinja2.exceptions.TemplateNotFound: index.html"
    assert "         - /srv/shop/templates\n       -> no match" in shown
    assert shown.endswith("Error: the template could not be found.")


def test_template_not_found_fix_is_the_folder_name():
    files = {"shop/templates/index.html": "<h1>Corner Shop</h1>"}
    with snippet.project(files) as root:
        app = Flask("shop", root_path=f"{root}/shop")
        with app.test_request_context("/"):
            assert render_template("index.html") == "<h1>Corner Shop</h1>"


def test_blueprint_template_shadowed():
    assert snippet.what_admin_renders() == (
        "render_template('index.html'      ) -> <h1>Shop home</h1>\n"
        "render_template('admin/index.html') -> <h1>Admin dashboard</h1>")


def test_undefined_error():
    assert snippet.undefined_error() == "jinja2.exceptions.UndefinedError: 'user' is undefined"
    assert client.get("/greeting").text == "<p>Hello, !</p>"  # a typo fails silently


def test_html_shown_escaped():
    assert client.get("/bio").text == "<p>&lt;b&gt;Ada&lt;/b&gt; writes compilers</p>"
    assert client.get("/bio-trusted").text == "<p><b>Ada</b> writes compilers</p>"


def test_template_syntax_error():
    assert snippet.syntax_error() == (
        "jinja2.exceptions.TemplateSyntaxError: Encountered unknown tag 'endfor'. You probably "
        "made a nesting mistake. Jinja is expecting this tag, but currently looking for 'elif' or "
        "'else' or 'endif'. The innermost block that needs to be closed is 'if'.")


def test_outside_app_context():
    assert snippet.outside_app_context() == NO_APP
    assert snippet.inside_app_context() == "creating tables in sqlite:///shop.db"


def test_outside_request_context():
    snippet.results.clear()
    assert snippet.outside_request_context() == NO_REQUEST
    assert snippet.results == []
    response = client.post("/orders-fixed/7?email=ada@example.com")
    assert (response.status_code, response.json) == (202, {"order": 7})
    assert snippet.results == ["receipt for ada@example.com"]


def test_g_empty_next_request():
    assert snippet.g_is_empty_next_request() == "AttributeError: user"
    with snippet.app.app_context():
        with pytest.raises(AttributeError, match="^user$"):
            snippet.account()


def test_strict_undefined_makes_the_typo_fail():
    import jinja2

    strict = Flask(__name__)
    strict.jinja_env.undefined = jinja2.StrictUndefined
    strict.testing = True
    strict.add_url_rule("/greeting", view_func=snippet.greeting)
    with pytest.raises(jinja2.UndefinedError, match="has no attribute 'nmae'"):
        strict.test_client().get("/greeting")


def test_a_django_tag_is_an_unknown_tag():
    import jinja2

    with snippet.app.app_context(), pytest.raises(
            jinja2.TemplateSyntaxError, match="^Encountered unknown tag 'url'"):
        snippet.render_template_string("{% url 'home' %}")


def test_autoescape_extensions_and_strings():
    app = Flask(__name__)
    chosen = [name for name in ("a.html", "a.htm", "a.xml", "a.xhtml", "a.svg", "a.txt", "a.j2")
              if app.select_jinja_autoescape(name)]
    assert chosen == ["a.html", "a.htm", "a.xml", "a.xhtml", "a.svg"]
    assert app.select_jinja_autoescape(None)  # render_template_string


def test_g_is_shared_inside_one_pushed_app_context():
    """Why a test wrapped in one app_context hides the bug: requests reuse that context."""
    shared = Flask(__name__)
    shared.add_url_rule("/login", view_func=snippet.login, methods=["POST"])
    shared.add_url_rule("/account", view_func=snippet.account)
    with shared.app_context():
        client = shared.test_client()
        client.post("/login")
        assert client.get("/account").text == "signed in as ada"


def test_a_cli_command_gets_an_app_context():
    shop = Flask(__name__)
    shop.config["DATABASE_URL"] = "sqlite:///shop.db"

    @shop.cli.command("create-tables")
    def create_tables_command():
        print(snippet.create_tables())

    result = shop.test_cli_runner().invoke(args=["create-tables"])
    assert result.output == "creating tables in sqlite:///shop.db\n"
