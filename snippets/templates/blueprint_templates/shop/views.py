from flask import Blueprint, render_template

# --8<-- [start:blueprint]
shop = Blueprint(
    "shop",
    __name__,
    # shop/templates/, searched after the app's folder
    template_folder="templates",
    # served at <url_prefix>/static, endpoint "shop.static"
    static_folder="static",
)


@shop.context_processor  # only for requests handled by this blueprint
def inject_section():
    return {"section": "Shop"}


@shop.get("/")
def home():
    return render_template("shop/index.html")  # namespaced: unambiguous


@shop.get("/index-collision")
def index_collision():
    return render_template("index.html")  # the APP's templates/index.html wins


@shop.get("/layout-collision")
def layout_collision():
    return render_template(
        "layout.html"
    )  # admin's layout.html wins: registered first


# --8<-- [end:blueprint]
