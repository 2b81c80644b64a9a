"""A custom converter: ISO dates in the URL, datetime.date in the view."""

from datetime import date, timedelta

from flask import Flask, url_for
from werkzeug.routing import BaseConverter, ValidationError


# --8<-- [start:converter]
class ISODateConverter(BaseConverter):
    regex = r"\d{4}-\d{2}-\d{2}"  # what the URL must look like

    def to_python(self, value):  # URL text -> view argument
        try:
            return date.fromisoformat(value)
        except ValueError:  # 2023-02-30 passes the regex but is no date
            raise ValidationError() from None

    def to_url(self, value):  # url_for argument -> URL text
        return value.isoformat()
# --8<-- [end:converter]


# --8<-- [start:register]
app = Flask(__name__)
app.url_map.converters["date"] = ISODateConverter  # before any rule uses it


@app.get("/reports/<date:day>")
def report(day):
    return {
        "day": day.isoformat(),
        "weekday": day.strftime("%A"),
        "next": url_for("report", day=day + timedelta(days=1)),
    }
# --8<-- [end:register]


# --8<-- [start:no_fallback]
archive = Flask(__name__)
archive.url_map.converters["date"] = ISODateConverter


@archive.get("/reports/<date:day>")
def dated_report(day):
    return {"day": day.isoformat()}


@archive.get("/reports/<name>")  # meant to catch whatever is not a date
def named_report(name):
    return {"report": name}
# --8<-- [end:no_fallback]
