import pytest
from flask import current_app, has_app_context, has_request_context, request
from flask.ctx import AppContext, RequestContext

from snippets.contexts import what_pushes_a_context as example
from snippets.contexts.what_pushes_a_context import app


def test_creating_the_app_pushes_no_context():
    # Audit item 16: "App creation ... app context and config are set" is wrong.
    assert not has_app_context()
    with pytest.raises(RuntimeError, match=r"^Working outside of application context\."):
        current_app.name


def test_config_lives_on_the_app_not_on_the_context():
    # Audit item 5: the app context does not "store settings and configurations".
    assert app.config["SHOP_NAME"] == "Corner Shop"      # no context needed
    assert "config" not in vars(app.app_context())
    lines = example.config_without_a_context().splitlines()
    assert lines == [
        "has_app_context(): False",
        "app.config['SHOP_NAME']: 'Corner Shop'",
        "current_app.config: RuntimeError: Working outside of application context.",
        "inside app_context(): current_app.config is app.config -> True",
    ]


def test_which_activity_pushes_which_context():
    rows = [line.split("app context:")[1].split() for line in example.where_contexts_exist().splitlines()]
    # [app?, "request", "context:", request?]
    assert [(row[0], row[3]) for row in rows] == [
        ("no", "no"),     # module level after Flask()
        ("yes", "no"),    # app.app_context()
        ("yes", "yes"),   # app.test_request_context()
        ("yes", "yes"),   # during a request from the test client
        ("yes", "no"),    # during a CLI command
        ("no", "no"),     # after everything
    ]


def test_view_and_cli_command_directly():
    assert app.test_client().get("/probe").text == "app context: yes   request context: yes"
    result = app.test_cli_runner().invoke(args=["probe"])
    assert result.exit_code == 0
    assert result.output == "app context: yes   request context: no\n"


def test_app_context_alone_has_no_request():
    with app.app_context():
        assert has_app_context() and not has_request_context()
        with pytest.raises(RuntimeError, match=r"^Working outside of request context\."):
            request.path


def test_what_each_context_holds():
    assert example.what_each_context_holds().splitlines() == [
        "AppContext:     app, g, url_adapter",
        "RequestContext: app, flashes, request, url_adapter, session (property)",
        "g is app_ctx.g: True",
        "RequestContext has a g attribute: False",
    ]
    with app.test_request_context("/") as ctx:
        assert isinstance(ctx, RequestContext)
        assert not issubclass(RequestContext, AppContext)


def test_app_context_url_adapter_needs_server_name():
    from flask import Flask, url_for

    local_app = Flask("urls")
    local_app.add_url_rule("/a", "a", lambda: "a")
    with local_app.app_context() as ctx:
        assert ctx.url_adapter is None
        with pytest.raises(RuntimeError, match="Unable to build URLs outside an active request "
                                               "without 'SERVER_NAME' configured"):
            url_for("a")
    local_app.config["SERVER_NAME"] = "shop.example"
    with local_app.app_context() as ctx:
        assert ctx.url_adapter is not None
        assert url_for("a") == "http://shop.example/a"


def test_request_pushes_app_context_first_and_pops_it_last():
    assert example.push_pop_order().splitlines() == [
        "app context pushed      (request context active: False)",
        "view runs               (request context active: True)",
        "teardown_request        (the request context is being popped)",
        "teardown_appcontext     (the app context is being popped)",
        "app context popped      (request context active: False)",
    ]


def test_flask_shell_pushes_an_app_context_but_no_request():
    from click.testing import CliRunner
    from flask.cli import FlaskGroup, ScriptInfo

    cli = FlaskGroup(create_app=lambda: app)
    result = CliRunner().invoke(
        cli, ["shell"], obj=ScriptInfo(create_app=lambda: app),
        input="from flask import current_app, has_request_context\n"
              "print('shell:', current_app.name, has_request_context())\n",
    )
    assert result.exit_code == 0
    assert f"shell: {app.name} False" in result.output


def test_blueprint_cli_commands_get_an_app_context_too():
    import click
    from flask import Blueprint, Flask

    local_app, bp = Flask("cli_demo"), Blueprint("reports", __name__)

    @bp.cli.command("name")
    def name():
        click.echo(current_app.name)

    local_app.register_blueprint(bp)
    result = local_app.test_cli_runner().invoke(args=["reports", "name"])
    assert result.output == "cli_demo\n"


def test_request_context_opens_the_session_when_pushed():
    from flask import Flask
    from flask.sessions import SecureCookieSessionInterface

    opened = []

    class Recording(SecureCookieSessionInterface):
        def open_session(self, app, request):
            opened.append(request.path)
            return super().open_session(app, request)

    local_app = Flask("sessions")
    local_app.session_interface = Recording()
    local_app.add_url_rule("/plain", view_func=lambda: "no session here")
    assert local_app.test_client().get("/plain").text == "no session here"
    assert opened == ["/plain"]          # opened although the view never touched session
    with local_app.test_request_context("/pushed"):
        assert opened == ["/plain", "/pushed"]


def test_teardown_runs_after_an_error_and_for_contexts_pushed_by_hand():
    from flask import Flask

    calls = []
    local_app = Flask("teardowns")
    local_app.teardown_request(lambda exc: calls.append(("request", type(exc).__name__)))
    local_app.teardown_appcontext(lambda exc: calls.append(("app", type(exc).__name__)))

    @local_app.get("/boom")
    def boom():
        raise KeyError("boom")

    assert local_app.test_client().get("/boom").status_code == 500
    assert calls == [("request", "KeyError"), ("app", "KeyError")]
    calls.clear()
    with local_app.app_context():
        pass
    assert calls == [("app", "NoneType")]


def test_a_request_for_another_app_pushes_its_own_app_context():
    from snippets.contexts.two_apps import blog, shop

    with shop.app_context():
        assert blog.test_client().get("/").text == "Latest posts (served by the 'blog' app)"
        assert current_app.name == "shop"


def test_app_cli_commands_get_their_context_from_app_group_not_only_from_the_flask_command():
    # review B: not "automatic since 2.2.0". AppGroup.command has wrapped callbacks in
    # with_appcontext since 0.11; what 2.2.0 added is FlaskGroup pushing one for any app command.
    import click
    from flask import Flask
    from flask.cli import FlaskGroup

    local_app = Flask("cli_demo")

    @local_app.cli.command("wrapped")
    def wrapped():
        click.echo(has_app_context())

    @local_app.cli.command("unwrapped", with_appcontext=False)
    def unwrapped():
        click.echo(has_app_context())

    runner = local_app.test_cli_runner()  # invokes app.cli itself: no FlaskGroup involved
    assert runner.invoke(args=["wrapped"]).output == "True\n"
    assert runner.invoke(args=["unwrapped"]).output == "False\n"
    assert runner.invoke(FlaskGroup(), ["unwrapped"]).output == "True\n"  # the 2.2.0 part
