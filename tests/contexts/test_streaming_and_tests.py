import pytest
from flask import g, has_app_context, has_request_context, request

from snippets.contexts import streaming, testing_contexts


def test_generator_without_stream_with_context_loses_the_request():
    response = streaming.app.test_client().get("/broken?name=Ada")
    assert response.status_code == 200                 # headers were already sent
    with pytest.raises(RuntimeError, match=r"^Working outside of request context\."):
        response.get_data()
    assert streaming.what_the_broken_stream_raises().splitlines() == [
        "status already sent: 200 OK",
        "reading the body:    RuntimeError: Working outside of request context.",
    ]


def test_stream_with_context_keeps_request_and_g():
    response = streaming.app.test_client().get("/greet?name=Ada")
    assert response.status_code == 200
    assert response.is_streamed
    assert response.get_data(as_text=True) == "Hello Ada"


def test_on_flask_3_1_teardown_runs_before_the_stream_and_again_after_it():
    assert streaming.teardown_timing().splitlines() == [
        "teardown_request",
        "teardown_appcontext",
        "generator: first chunk",
        "client.get() returned; the body is still open",
        "generator: last chunk sent",
        "teardown_request",
        "teardown_appcontext",
        "body read and closed: 'Hello Ada'",
    ]


def test_contexts_in_tests_examples():
    testing_contexts.test_with_client_keeps_the_last_request()
    testing_contexts.test_helper_that_reads_the_request()
    testing_contexts.test_helper_that_needs_current_app()
    assert not has_app_context()


def test_without_with_block_the_context_is_gone_after_the_request():
    client = testing_contexts.app.test_client()
    assert client.get("/visit", headers={"X-User": "ada"}).text == "hello ada"
    assert not has_request_context()
    with pytest.raises(RuntimeError, match=r"^Working outside of application context\."):
        g.user


def test_with_client_pops_the_previous_request_at_the_next_one():
    with testing_contexts.app.test_client() as client:
        client.get("/visit", headers={"X-User": "ada"})
        client.get("/visit", headers={"X-User": "grace"})
        assert g.user == "grace"
        assert request.headers["X-User"] == "grace"


def test_with_client_teardown_has_already_run_when_you_inspect():
    from flask import Flask

    local_app, torn_down = Flask("kept"), []
    local_app.teardown_appcontext(lambda exc: torn_down.append(g.get("user")))

    @local_app.get("/")
    def index():
        g.user = "ada"
        return "ok"

    with local_app.test_client() as client:
        client.get("/")
        assert g.user == "ada"            # still inspectable ...
        assert torn_down == ["ada"]       # ... although teardown already ran once
    assert torn_down == ["ada", "ada"]    # and again when the kept context was popped


def test_test_request_context_matches_the_url_but_runs_no_view():
    from flask import Flask

    local_app, ran = Flask("matching"), []
    local_app.before_request(lambda: ran.append("before_request"))

    @local_app.get("/items/<int:item_id>")
    def item(item_id):
        ran.append("view")
        return "item"

    with local_app.test_request_context("/items/3"):
        assert request.endpoint == "item"
        assert request.view_args == {"item_id": 3}
    assert ran == []


def _streaming_db_app(teardown):
    from flask import Flask, stream_with_context

    from snippets.contexts.g_per_request import get_db

    local_app = Flask("stream_db")
    local_app.teardown_appcontext(teardown)

    @local_app.get("/rows")
    def rows():
        view_connection = get_db()

        @stream_with_context
        def body():
            yield "fresh " if get_db() is not view_connection else "same "
            yield str(get_db().execute("select 7").fetchone()[0])
        return body()

    return local_app


def test_g_pop_teardown_survives_the_double_teardown_of_a_stream():
    from snippets.contexts import g_per_request

    g_per_request.closed.clear()
    response = _streaming_db_app(g_per_request.close_db).test_client().get("/rows")
    assert response.get_data(as_text=True) == "fresh 7"
    assert len(g_per_request.closed) == 2      # the view's connection, then the generator's


def test_a_teardown_that_closes_without_popping_breaks_the_stream():
    import sqlite3

    def close_without_pop(exc):
        if "db" in g:
            g.db.close()

    response = _streaming_db_app(close_without_pop).test_client().get("/rows")
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        response.get_data()


def test_stream_template_string_keeps_the_request_without_stream_with_context():
    from flask import Flask, stream_template_string

    local_app = Flask("stream_template")

    @local_app.get("/hello")
    def hello():
        return stream_template_string("Hello {{ request.args['name'] }}")

    response = local_app.test_client().get("/hello?name=Ada")
    assert response.is_streamed
    assert response.get_data(as_text=True) == "Hello Ada"


def test_a_session_write_inside_a_stream_is_silently_lost():
    # review B: stream_with_context lets the generator read the session, not write it.
    client = streaming.app.test_client()
    signed_in = client.get("/sign-in?name=Ada")
    assert signed_in.headers["Set-Cookie"].startswith("session=")
    for name in ["Grace", "Lin"]:
        response = client.get(f"/rename?name={name}")
        assert response.get_data(as_text=True) == f"was: Ada\nnow: {name} (in this generator only)\n"
        assert "Set-Cookie" not in response.headers
    with client.session_transaction() as session:
        assert session["name"] == "Ada"
