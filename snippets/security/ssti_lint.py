"""A CI check for server-side template injection: template source that is not a literal."""

import ast

TEMPLATE_FROM_SOURCE = {"render_template_string", "stream_template_string", "from_string", "Template"}


# --8<-- [start:lint]
def template_source_not_literal(code, filename="<code>"):
    """Lines where template *source* is built at run time: each one is a
    possible SSTI."""
    findings = []
    for node in ast.walk(ast.parse(code, filename)):
        if isinstance(node, ast.Call) and node.args:
            func = node.func
            name = getattr(func, "id", None) or getattr(func, "attr", None)
            literal = isinstance(node.args[0], ast.Constant)
            if name in TEMPLATE_FROM_SOURCE and not literal:
                where = f"{filename}:{node.lineno}"
                findings.append(f"{where}: {name}() with non-literal source")
    return findings
# --8<-- [end:lint]


SAMPLE = '''
from flask import render_template_string, request

@app.get("/hello")
def hello():
    return render_template_string("Hello {{ name }}", name=request.args["name"])  # fine

@app.get("/greet")
def greet():
    return render_template_string(f"Hello {request.args['name']}")  # SSTI

def preview(user_template):
    return app.jinja_env.from_string(user_template).render()  # SSTI, unless sandboxed
'''


def sample_findings():
    return "\n".join(template_source_not_literal(SAMPLE, "views.py"))
