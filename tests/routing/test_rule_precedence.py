from flask import Flask

from snippets.routing.rule_precedence import (
    CategoryConverter, FixedShallowCategoryConverter, ShallowCategoryConverter, app, edit_page,
    ranking)


def text(path):
    response = app.test_client().get(path)
    return response.text if response.status_code == 200 else response.status_code


def test_static_first_then_back_to_the_variable_branch():
    assert text("/teams/new") == "new_team()"
    # the static branch "new" has no "members" under it, so the matcher backtracks
    assert text("/teams/new/members") == "members(team='new')"


def test_static_text_in_a_segment_outranks_a_bare_converter():
    assert text("/exports/q3.csv") == "export_csv(name='q3')"
    assert text("/teams/red/members") == "members(team='red')"
    assert text("/exports/q3") == "export(name='q3')"


def test_a_path_rule_with_a_static_tail_beats_a_string_rule_in_either_order():
    assert text("/wiki/home/edit") == "edit_nested(title='home')"
    assert text("/wiki/guides/flask/edit") == "edit_nested(title='guides/flask')"
    assert edit_page("home") == "edit_page(title='home')"  # a view no URL reaches
    reversed_app = Flask(__name__)  # declare the path rule first: same winner
    reversed_app.add_url_rule("/wiki/<path:title>/edit", "nested", lambda title: "nested")
    reversed_app.add_url_rule("/wiki/<title>/edit", "page", lambda title: "page")
    assert reversed_app.test_client().get("/wiki/home/edit").text == "nested"


def test_ranking_lists_static_pieces_before_converter_weights():
    assert ranking().splitlines()[0].endswith("static pieces=1 converter weights=[200]")
    assert ranking().splitlines()[1].endswith("static pieces=0 converter weights=[100]")
    assert "\\.csv" in ranking("/exports").splitlines()[0]


def test_part_isolating_follows_a_class_level_regex_only():
    assert CategoryConverter.part_isolating is False
    assert ShallowCategoryConverter.part_isolating is True  # inherited from BaseConverter
    assert FixedShallowCategoryConverter.part_isolating is False
    assert text("/shop/men/shoes/items") == "shop(category='men/shoes')"
    assert text("/outlet/men/items") == "outlet(category='men')"
    assert text("/outlet/men/shoes/items") == 404  # matched one segment at a time
    assert text("/market/men/shoes/items") == "market(category='men/shoes')"
    assert text("/market/a/b/c/items") == 404  # depth=2


def test_builtin_weights_and_part_isolating():
    converters = app.url_map.converters
    assert {name: converters[name].weight for name in ("int", "float", "string", "any", "uuid", "path")} == {
        "int": 50, "float": 50, "string": 100, "any": 100, "uuid": 100, "path": 200}
    builtin = Flask(__name__).url_map.converters
    assert [name for name in builtin if not builtin[name].part_isolating] == ["path"]


def test_a_method_mismatch_keeps_searching():
    methods = Flask(__name__)
    methods.add_url_rule("/x/<int:n>", "by_number", lambda n: "by_number", methods=["POST"])
    methods.add_url_rule("/x/<name>", "by_name", lambda name: "by_name")
    client = methods.test_client()
    assert client.get("/x/5").text == "by_name"  # int ranks first but lacks GET: backtrack
    assert client.post("/x/5").text == "by_number"
    refused = client.post("/x/abc")
    assert refused.status_code == 405
    assert set(refused.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
