"""SSTI: user input as template source reaches os; a sandbox blocks the walk but not what you pass in."""

from jinja2.sandbox import SandboxedEnvironment

from snippets.templates.template_injection import app, sandbox, the_walk, what_the_sandbox_does_not_stop


def hello(name):
    return app.test_client().get("/hello", query_string={"name": name}).text


def preview(source):
    return app.test_client().post("/preview", data={"template": source})


def test_input_in_the_source_is_executed():
    assert hello("Ada") == "<p>Hello Ada</p>"
    assert hello("{{ 7*7 }}") == "<p>Hello 49</p>"
    assert hello("{{ config.SECRET_KEY }}") == "<p>Hello not-for-production</p>"
    assert hello("{{ cycler.__init__.__globals__.os }}") == "<p>Hello &lt;module &#39;os&#39; (frozen)&gt;</p>"
    assert hello("{{ cycler.__init__.__globals__.os.popen.__name__ }}") == "<p>Hello popen</p>"
    # other doors to the same room: Flask's own globals and Jinja's
    assert hello("{{ config.__class__.__init__.__globals__.os.name }}") == "<p>Hello posix</p>"
    assert hello("{{ lipsum.__globals__.os.sep }}") == "<p>Hello /</p>"


def test_the_walk():
    assert [line.split()[-1] for line in the_walk().splitlines()] == [
        "type", "function", "dict", "module", "function"]


def test_the_sandbox_renders_plain_data_and_refuses_the_walk():
    response = preview("Dear {{ customer.name }}, your total is {{ total }}.")
    assert response.status_code == 200 and response.text == "Dear Ada, your total is 12.50."
    response = preview("{{ cycler.__init__.__globals__.os }}")
    assert response.status_code == 400
    assert response.json == {"error": "SecurityError: access to attribute '__init__' of 'type' object is unsafe."}
    response = preview("{{ customer.update(name='Eve') }}")    # immutable: no mutating methods
    assert response.json == {"error": "SecurityError: access to attribute 'update' of 'dict' object is unsafe."}
    assert preview("{% for %}").json["error"].startswith("TemplateSyntaxError: ")
    assert preview("{{ '<b>' }}").text == "&lt;b&gt;"
    assert isinstance(sandbox, SandboxedEnvironment)


def test_what_the_sandbox_does_not_stop():
    assert what_the_sandbox_does_not_stop().splitlines() == [
        "an object you pass in: config.SECRET_KEY -> not-for-production",
        "range() is capped: OverflowError: Range too big",
        "operators it intercepts by default: none",
    ]


def test_flask_render_template_string_is_not_sandboxed():
    assert not isinstance(app.jinja_env, SandboxedEnvironment)
