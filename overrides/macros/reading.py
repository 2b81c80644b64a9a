"""Reading time: the prose of a page (code, outputs and front matter left out) at 200 words a
minute, a common pace for technical text. Every page shows it over its title (main.html reads
`page.meta.reading_minutes`), and `{@ minutes("routing/index.md") @}` gives it for a study plan."""

import math
import re
from pathlib import Path

WORDS_A_MINUTE = 200
FENCED = re.compile(r"^(\s*)(`{3,}|~{3,}).*?^\1\2\s*$", re.DOTALL | re.MULTILINE)
MACRO = re.compile(r"\{@.*?@\}", re.DOTALL)


def words(markdown):
    text = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.DOTALL)
    return len(MACRO.sub("", FENCED.sub("", text)).split())


def minutes_for(markdown):
    return max(1, math.ceil(words(markdown) / WORDS_A_MINUTE))


def define(env, docs):
    @env.macro
    def minutes(page):
        """Reading minutes of a page, by its path under docs/ ("routing/index.md")."""
        return minutes_for((Path(docs) / page).read_text(encoding="utf-8"))
