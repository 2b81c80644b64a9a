"""Flask's Jinja on a page reaches the reader untouched.

The macros use {@ @} (mkdocs.yml), so `{{ }}`, `{% %}` and `{# #}` in a page are Flask's, not
ours. After mkdocs-macros renders a page, fail the build if any of them changed, or if a page
asks for `{% raw %}`, which would show literally.
"""

import logging
import re

FLASK_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
log = logging.getLogger("mkdocs.plugins.flask_field_guide")


def check(source, rendered, page):
    if "{% raw %}" in source:
        log.error("docs/%s: '{%% raw %%}' is not needed here and would show literally. "
                  "Macros use {@ @} in this guide; write Flask's Jinja as it is.", page)
    for fragment in sorted(set(FLASK_JINJA.findall(source))):
        if rendered.count(fragment) < source.count(fragment):
            log.error("docs/%s: mkdocs-macros altered the Jinja example %r. Keep the {@ @} "
                      "delimiters in mkdocs.yml (plugins > macros) so Flask's Jinja is left alone.",
                      page, fragment)
