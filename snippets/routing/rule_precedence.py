"""How Werkzeug's state-machine matcher ranks rules.

By segments, static text, converter weights and slashes.
"""

from flask import Flask
from werkzeug.routing import BaseConverter

app = Flask(__name__)


# --8<-- [start:backtrack]
@app.get("/teams/new")  # static: tried first for /teams/new/...
def new_team():
    return "new_team()"


# tried when the static branch has no /members
@app.get("/teams/<team>/members")
def members(team):
    return f"members(team={team!r})"
# --8<-- [end:backtrack]


# --8<-- [start:mixed]
@app.get("/exports/<name>")
def export(name):
    return f"export(name={name!r})"


@app.get("/exports/<name>.csv")  # same segment, plus static text: ranked first
def export_csv(name):
    return f"export_csv(name={name!r})"
# --8<-- [end:mixed]


# --8<-- [start:path_tail]
@app.get("/wiki/<title>/edit")  # string, weight 100
def edit_page(title):
    return f"edit_page(title={title!r})"


@app.get("/wiki/<path:title>/edit")  # path, weight 200, and still the winner
def edit_nested(title):
    return f"edit_nested(title={title!r})"
# --8<-- [end:path_tail]


# --8<-- [start:part_isolating]
class CategoryConverter(BaseConverter):
    # a "/" in a class-level regex: part_isolating = False
    regex = r"[a-z]+(?:/[a-z]+)*"


class ShallowCategoryConverter(BaseConverter):
    # regex set per instance: the class check never sees it
    def __init__(self, map, depth=3):
        super().__init__(map)
        self.regex = r"[a-z]+(?:/[a-z]+){0,%d}" % (depth - 1)


class FixedShallowCategoryConverter(ShallowCategoryConverter):
    # say it yourself when the regex is built at run time
    part_isolating = False


app.url_map.converters.update(
    category=CategoryConverter,
    shallow=ShallowCategoryConverter,
    fixed_shallow=FixedShallowCategoryConverter,
)


@app.get("/shop/<category:category>/items")
def shop(category):
    return f"shop(category={category!r})"


@app.get("/outlet/<shallow:category>/items")
def outlet(category):
    return f"outlet(category={category!r})"


@app.get("/market/<fixed_shallow(depth=2):category>/items")
def market(category):
    return f"market(category={category!r})"
# --8<-- [end:part_isolating]


# --8<-- [start:inspect]
def ranking(prefix="/wiki"):
    """The dynamic transitions tried after a static prefix, in order.

    _matcher is Werkzeug's internal state machine: fine for looking, not for
    an app.
    """
    # the host part: empty without host matching
    state = app.url_map._matcher._root.static[""]
    for segment in prefix.split("/"):  # "/wiki" -> "", "wiki"
        state = state.static[segment]
    return "\n".join(
        f"{part.content!r:44} "
        f"static pieces={-part.weight.number_static_weights}"
        f" converter weights={part.weight.argument_weights}"
        for part, _ in state.dynamic
    )
# --8<-- [end:inspect]
