"""A streamed body runs after the view returned: stream_with_context keeps the
request around."""

from flask import Flask, g, request, session, stream_with_context

app = Flask(__name__)
app.secret_key = "dev-only-not-a-secret"
timeline = []  # what happened, in order, for the last streamed request


# --8<-- [start:broken]
@app.get("/broken")
def broken():
    def lines():
        yield "Hello "
        # the request context is gone by now
        yield request.args.get("name", "stranger")

    return lines()
# --8<-- [end:broken]


# --8<-- [start:fixed]
@app.get("/greet")
def greet():
    g.greeting = "Hello"

    @stream_with_context
    def lines():
        timeline.append("generator: first chunk")
        yield f"{g.greeting} "
        yield request.args.get("name", "stranger")
        timeline.append("generator: last chunk sent")

    return lines()
# --8<-- [end:fixed]


# --8<-- [start:session]
@app.get("/sign-in")
def sign_in():
    session["name"] = request.args[
        "name"
    ]  # an ordinary view: saved, Set-Cookie sent
    return f"signed in as {session['name']}"


@app.get("/rename")
def rename():
    @stream_with_context
    def lines():
        yield f"was: {session['name']}\n"  # reading works
        session["name"] = request.args[
            "name"
        ]  # too late: the cookie was already built
        yield f"now: {session['name']} (in this generator only)\n"

    return lines()
# --8<-- [end:session]


@app.teardown_request
def note_teardown_request(exc):
    timeline.append("teardown_request")


@app.teardown_appcontext
def note_teardown_appcontext(exc):
    timeline.append("teardown_appcontext")


def what_the_broken_stream_raises():
    response = app.test_client().get("/broken?name=Ada")
    lines = [f"status already sent: {response.status}"]
    try:
        response.get_data()
    except RuntimeError as exc:
        lines.append(
            f"reading the body:    RuntimeError: {str(exc).splitlines()[0]}"
        )
    return "\n".join(lines)


def teardown_timing():
    timeline.clear()
    response = app.test_client().get("/greet?name=Ada")
    timeline.append("client.get() returned; the body is still open")
    body = response.get_data(as_text=True)
    timeline.append(f"body read and closed: {body!r}")
    return "\n".join(timeline)
