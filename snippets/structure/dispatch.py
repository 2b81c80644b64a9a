"""Two apps built by their own factories, one WSGI entry point: what changes
once they are split.
"""

from flask import Flask, request, session, url_for
from werkzeug.middleware.dispatcher import DispatcherMiddleware
from werkzeug.routing import BuildError
from werkzeug.test import Client

from .versioned_api import create_app as create_site


# --8<-- [start:admin]
def create_admin():
    admin = Flask(__name__)
    # its own key, cookie name and path
    admin.config.update(
        SECRET_KEY="admin-only-key",
        SESSION_COOKIE_NAME="admin_session",
        SESSION_COOKIE_PATH="/admin",
    )

    @admin.get("/")
    def dashboard():
        session["visits"] = session.get("visits", 0) + 1
        return {
            "app": "admin",
            "script_root": request.script_root,
            "self": url_for("dashboard"),
            "visits": session["visits"],
        }

    @admin.get("/link-to-site")
    def link_to_site():
        try:
            # "home" is an endpoint of the other app
            return {"home": url_for("home")}
        except BuildError:
            return {"error": "the admin app cannot build URLs of the site app"}

    return admin


# --8<-- [end:admin]


# --8<-- [start:application]
def create_application():
    """The WSGI entry point.

    `gunicorn 'snippets.structure.dispatch:application'`
    """
    return DispatcherMiddleware(create_site(), {"/admin": create_admin()})


application = create_application()
# --8<-- [end:application]


def walk():
    client = Client(application)
    lines = []
    for path in [
        "/",
        "/api/v2/users/1",
        "/admin/",
        "/admin/",
        "/admin/link-to-site",
        "/admin/nope",
        "/nope",
    ]:
        response = client.get(path)
        body = response.get_data(as_text=True)
        shown = (
            body
            if response.mimetype == "application/json"
            else response.mimetype
        )
        lines.append(f"GET {path:<21} {response.status:<14} {shown.strip()}")
    return "\n".join(lines)
