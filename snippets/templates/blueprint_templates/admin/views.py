from flask import Blueprint, render_template

admin = Blueprint("admin", __name__, template_folder="templates")


@admin.get("/")
def dashboard():
    return render_template("layout.html")
