"""The smallest useful WSGI middleware: it adds a header to every response."""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def index():
    return "hello"


class AddHeader:
    """A WSGI app that calls another one and adds a header on the way out."""

    def __init__(self, wsgi_app, name, value):
        self.wsgi_app = wsgi_app
        self.header = (name, value)

    def __call__(self, environ, start_response):
        def start_with_header(status, headers, exc_info=None):
            return start_response(status, [*headers, self.header], exc_info)

        return self.wsgi_app(environ, start_with_header)


# wrap wsgi_app, not app: servers and `flask run` still import `app`
app.wsgi_app = AddHeader(app.wsgi_app, "X-Served-By", "field-guide")
