"""The views the example tests exercise: a JSON API, a login, a protected
page, an async view."""

import asyncio
import functools

from flask import Blueprint, abort, redirect, request, session, url_for

from . import WeatherUnavailable, weather
from .models import Entry, User, db

bp = Blueprint("journal", __name__)


# --8<-- [start:api]
@bp.get("/api/entries")
def list_entries():
    entries = db.session.execute(db.select(Entry).order_by(Entry.id)).scalars()
    return [{"id": e.id, "city": e.city, "text": e.text} for e in entries]


@bp.post("/api/entries")
def add_entry():
    data = request.get_json()  # 415 if the body is not JSON
    # "x", [] and 42 are JSON too, so check the shape
    if not (isinstance(data, dict) and data.get("city") and data.get("text")):
        abort(400, description="city and text are required")
    entry = Entry(city=data["city"], text=data["text"])
    db.session.add(entry)
    db.session.commit()
    return {"id": entry.id, "city": entry.city, "text": entry.text}, 201


@bp.get("/api/entries/<int:entry_id>")
def get_entry(entry_id):
    entry = db.get_or_404(Entry, entry_id, description=f"no entry {entry_id}")
    return {"id": entry.id, "city": entry.city, "text": entry.text}
# --8<-- [end:api]


# --8<-- [start:auth]
def login_required(view):
    @functools.wraps(view)
    def wrapped(**kwargs):
        if "user_id" not in session:
            return redirect(url_for("journal.login"))
        return view(**kwargs)
    return wrapped


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        query = db.select(User).filter_by(username=request.form["username"])
        user = db.session.execute(query).scalar()
        if user is None or not user.check_password(request.form["password"]):
            return "Wrong username or password", 401
        session.clear()
        session["user_id"] = user.id
        return redirect(url_for("journal.dashboard"))
    return "Log in, please"


@bp.get("/dashboard")
@login_required
def dashboard():
    user = db.session.get(User, session["user_id"])
    return f"Hello, {user.username}"
# --8<-- [end:auth]


# --8<-- [start:async]
@bp.get("/api/weather/<city>")
async def forecast(city):
    try:
        # urlopen blocks, so run it in a thread; the view can await other
        # things meanwhile
        data = await asyncio.to_thread(weather.fetch_forecast, city)
    except OSError as error:  # URLError, timeouts, refused connections
        raise WeatherUnavailable(f"{city}: {error}") from error
    return {"city": city, "summary": data["summary"], "max_c": data["max_c"]}
# --8<-- [end:async]
