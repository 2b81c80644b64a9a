"""The shop on Gunicorn's own ASGI worker (Gunicorn 24+), for comparison with
the gthread worker:

    gunicorn --worker-class asgi 'snippets.deployment.asgi_app:app'
"""

from asgiref.wsgi import WsgiToAsgi

from snippets.deployment.shop import create_app

# --8<-- [start:asgi]
flask_app = create_app()  # a WSGI app: (environ, start_response)
app = WsgiToAsgi(flask_app)  # an ASGI app: (scope, receive, send)
# --8<-- [end:asgi]
