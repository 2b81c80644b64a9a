"""A maintenance script run as `python script_without_context.py`, with and
without a context."""

from flask import Flask, current_app


def create_app():
    app = Flask(__name__)
    app.config["REPORT_TITLE"] = "Weekly sales"
    return app


def report_title():  # shared with the views; uses current_app
    return current_app.config["REPORT_TITLE"]


# --8<-- [start:broken]
def main_without_context():
    create_app()
    print(report_title())  # RuntimeError: no app context in a script
# --8<-- [end:broken]


# --8<-- [start:fixed]
def main():
    app = create_app()
    with app.app_context():
        print(report_title())


if __name__ == "__main__":
    main()
# --8<-- [end:fixed]


def what_the_broken_script_prints():
    try:
        main_without_context()
    except RuntimeError as exc:
        return f"RuntimeError: {exc}"
