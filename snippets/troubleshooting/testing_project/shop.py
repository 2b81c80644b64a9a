"""The app these tests test: one module-level app, like many small projects."""

from flask import Flask, redirect, request, session, url_for

app = Flask(__name__)
app.secret_key = "test-only"
ORDERS = []  # module-level state: lives as long as the test process


def discount_code():
    """A helper views call; it reads the current request."""
    return request.args.get("code", "").upper()


@app.get("/")
def home():
    return "home"


@app.get("/dashboard")
def dashboard():
    if "user" not in session:
        return redirect(url_for("login"))
    return f"dashboard of {session['user']}"


@app.get("/login")
def login():
    return "login form"


@app.post("/orders")
def add_order():
    ORDERS.append(request.form["sku"])
    return {"count": len(ORDERS)}, 201


@app.get("/total")
def total():
    return {"total": 10 / len(ORDERS)}  # ZeroDivisionError with no orders
