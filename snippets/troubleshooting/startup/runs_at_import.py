"""A module that starts the development server when it is imported."""

from flask import Flask

# --8<-- [start:run_at_import]
app = Flask(__name__)
app.add_url_rule("/", "index", lambda: "home")

app.run(debug=True)  # outside `if __name__ == "__main__":`
# --8<-- [end:run_at_import]
