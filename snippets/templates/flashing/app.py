"""Message flashing: flash() in one request, get_flashed_messages() in the next.
"""

from flask import Flask, flash, redirect, render_template, request, url_for

app = Flask(__name__)
app.secret_key = (
    "dev-only-not-a-secret"  # flashes live in the signed session cookie
)


# --8<-- [start:views]
@app.post("/cart")
def add_to_cart():
    item = request.form.get("item", "").strip()
    if item:
        flash(f"Added {item} to your cart.", "success")
    else:
        flash("Say which item to add.", "error")
    return redirect(
        url_for("cart")
    )  # POST/redirect/GET: the message survives the redirect


@app.get("/cart")
def cart():
    return render_template("cart.html")


# --8<-- [end:views]
