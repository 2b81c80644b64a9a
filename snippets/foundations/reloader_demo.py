"""Run as `python reloader_demo.py`: its import-time code runs twice."""

import os

from flask import Flask

# --8<-- [start:startup]
print(f"startup code: pid={os.getpid()} "
      f"WERKZEUG_RUN_MAIN={os.environ.get('WERKZEUG_RUN_MAIN')}", flush=True)

app = Flask(__name__)


@app.get("/")
def index():
    return f"served by pid {os.getpid()}"
# --8<-- [end:startup]


# --8<-- [start:main]
if __name__ == "__main__":
    app.run(debug=True, port=int(os.environ.get("PORT", "5000")))
# --8<-- [end:main]
