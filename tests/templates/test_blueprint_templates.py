from pathlib import Path

from flask import Blueprint, Flask, render_template_string, url_for

from snippets.templates.blueprint_templates.admin.views import admin
from snippets.templates.blueprint_templates.app import create_app, explain_lookup, what_dot_static_means
from snippets.templates.blueprint_templates.shop.views import shop

HERE = Path(__file__).resolve().parents[2] / "snippets/templates/blueprint_templates"


def test_namespaced_template_and_blueprint_static():
    client = create_app().test_client()
    text = client.get("/shop/").text
    assert "<title>Shop · Field Shop</title>" in text
    assert '<link rel="stylesheet" href="/shop/static/shop.css">' in text
    assert "<h1>Shop home (shop/templates/shop/index.html)</h1>" in text
    with client.get("/shop/static/shop.css") as css:
        assert css.status_code == 200 and css.text == (HERE / "shop/static/shop.css").read_text()


def test_app_templates_folder_wins_over_the_blueprint():
    text = create_app().test_client().get("/shop/index-collision").text
    assert "<h1>App home (templates/index.html)</h1>" in text
    shadowed = (HERE / "shop/templates/index.html").read_text().strip()
    assert "shadowed by the app's" in shadowed and shadowed not in text
    assert "<p>section: Shop</p>" in text  # the blueprint's context processor still ran


def test_first_registered_blueprint_wins():
    text = create_app().test_client().get("/shop/layout-collision").text
    assert "<title>Admin layout (admin/templates/layout.html)</title>" in text
    shadowed = (HERE / "shop/templates/layout.html").read_text().strip()
    assert "shadowed while admin is registered first" in shadowed and shadowed not in text


def test_registration_order_decides_and_the_other_blueprint_breaks():
    app = Flask("snippets.templates.blueprint_templates.app")
    app.register_blueprint(shop, url_prefix="/shop")
    app.register_blueprint(admin, url_prefix="/admin")
    client = app.test_client()
    assert "<title>Shop layout (shop/templates/layout.html)" in client.get("/shop/layout-collision").text
    assert "<title>Shop layout (shop/templates/layout.html)" in client.get("/admin/").text


def test_blueprint_context_processor_is_scoped():
    client = create_app().test_client()
    assert "<p>section: not set outside the shop blueprint</p>" in client.get("/").text
    assert "<p>Admin dashboard</p>" in client.get("/admin/").text


def test_explain_template_loading_lists_every_loader_in_order():
    log = explain_lookup()
    assert log.index("application 'snippets.templates.blueprint_templates.app'") \
        < log.index("blueprint 'admin'") < log.index("blueprint 'shop'")
    assert "-> found ('snippets/templates/blueprint_templates/admin/templates/layout.html')" in log
    assert "Warning: multiple loaders returned a match for the template." in log


def test_blueprint_static_without_url_prefix_is_shadowed_by_the_app():
    app = Flask("snippets.templates.blueprint_templates.app")  # has a /static route, no such file
    bare = Blueprint("bare", "snippets.templates.blueprint_templates.shop.views", static_folder="static")
    app.register_blueprint(bare)
    with app.test_request_context():
        assert url_for("bare.static", filename="shop.css") == "/static/shop.css"
    assert app.test_client().get("/static/shop.css").status_code == 404


def test_app_context_processor_on_a_blueprint_reaches_every_request():
    app, bp = Flask(__name__), Blueprint("bp", __name__)
    bp.app_context_processor(lambda: {"everywhere": "yes"})
    bp.context_processor(lambda: {"scoped": "yes"})
    app.register_blueprint(bp)
    with app.test_request_context("/"):
        assert render_template_string("{{ everywhere }}/{{ scoped }}") == "yes/"



def test_the_pages_folder_tree_lists_exactly_the_files_on_disk():
    page = (HERE.parents[2] / "docs/templates/blueprint-templates.md").read_text()
    tree = page.split("```text\nsnippets/templates/blueprint_templates/\n", 1)[1].split("```", 1)[0]
    listed, parents = set(), []
    for line in tree.splitlines():
        branch = max(line.find("├── "), line.find("└── "))
        name = line[branch + 4:].split("  ")[0]  # drop the comment after the name
        parents[branch // 4:] = [name.rstrip("/")]
        if not name.endswith("/"):
            listed.add("/".join(parents))
    on_disk = {str(p.relative_to(HERE)) for p in HERE.rglob("*")  # the example, not its recorded outputs
               if p.is_file() and "__pycache__" not in p.parts and not p.name.endswith(".outputs.txt")}
    assert listed == on_disk


def test_dot_static_follows_the_request_not_the_template():
    # review B: '.static' in a blueprint's template is the app's static route when an app view
    # renders it, so the page now names 'shop.static'.
    assert what_dot_static_means().splitlines() == [
        "/shop/     request.blueprint='shop'  '.static' -> /shop/static/shop.css",
        "/featured  request.blueprint=None    '.static' -> /static/shop.css",
    ]
    client = create_app().test_client()
    assert client.get("/static/shop.css").status_code == 404  # where '.static' would point


def test_an_app_view_rendering_a_shop_page_keeps_the_shop_stylesheet():
    text = create_app().test_client().get("/featured").text
    assert '<link rel="stylesheet" href="/shop/static/shop.css">' in text
    assert "<title> · Field Shop</title>" in text  # the shop's scoped processor did not run
    layout = (HERE / "shop/templates/shop/layout.html").read_text()
    assert "url_for('shop.static'" in layout and "url_for('.static'" not in layout
