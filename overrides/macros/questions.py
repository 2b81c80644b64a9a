"""The Questions chapter's macros: the bank, the answers you'll still hear and the quiz.

The data lives in docs/questions/bank.yml and docs/questions/wrong-answers.yml (kept out of
the site by `exclude_docs`):

    {@ question_bank(["routing"]) @}          questions by level, then topic
    {@ question_index("fresher") @}           one line per question, linked
    {@ question_counts() @}                   a table: topics x levels
    {@ wrong_answers() @}                     the claims that still circulate, as callouts
    {@ quiz() @}                              cards for docs/assets/quiz.js

Links in the data are relative to docs/; they are rewritten relative to the page that renders
them, so the strict build checks them like any other. Titles go inside "..." in admonition
syntax and must not contain a double quote; answers must not contain the macro delimiters.
"""

import html
import posixpath
import textwrap
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = ROOT / "docs" / "questions"
LEVELS = {"fresher": "Fresher", "experienced": "Experienced"}

def define(env):
    """Add the question macros to mkdocs-macros' environment."""
    loaded = {}  # read on first use, once per build; a site without the chapter never reads it

    def data(name):
        if name not in loaded:
            loaded[name] = _load_bank() if name == "bank" else yaml.safe_load(
                (QUESTIONS / "wrong-answers.yml").read_text(encoding="utf-8"))["items"]
        return loaded[name]

    @env.macro
    def question_bank(topics=None, level=None):
        """The questions of some topics (all by default), grouped by level, then topic."""
        bank = data("bank")
        page = env.page.file.src_uri
        chosen = _topics(bank, topics)
        out = []
        for lvl in [level] if level else LEVELS:
            entries = [q for q in bank["questions"] if q["topic"] in chosen and q["level"] == lvl]
            if not entries:
                continue
            out.append(f"## {LEVELS[lvl]}\n")
            for topic in chosen:
                group = [q for q in entries if q["topic"] == topic]
                if group and len(chosen) > 1:
                    out.append(f"### {bank['topics'][topic]['title']}\n")
                out += [_question(q, page) for q in group]
        return "\n".join(out)

    @env.macro
    def question_index(level):
        """Every question of one level as a linked list, grouped by topic."""
        bank = data("bank")
        page, out = env.page.file.src_uri, []
        for topic, meta in bank["topics"].items():
            group = [q for q in bank["questions"] if q["topic"] == topic and q["level"] == level]
            if group:
                out.append(f"**{meta['title']}**\n")
                out += [f"- [{q['question']}]({_link(_anchor(bank, q), page)})" for q in group]
                out.append("")
        return "\n".join(out)

    @env.macro
    def question_counts():
        """A table of how many questions each topic has at each level."""
        bank = data("bank")
        page = env.page.file.src_uri
        rows = ["| Topic | Page | Fresher | Experienced |", "| --- | --- | --- | --- |"]
        for topic, meta in bank["topics"].items():
            counts = [sum(q["topic"] == topic and q["level"] == lvl for q in bank["questions"])
                      for lvl in LEVELS]
            link = _link("questions/" + meta["page"], page)
            rows.append(f"| {meta['title']} | [{meta['page'][:-3]}]({link}) | {counts[0]} | {counts[1]} |")
        rows.append(f"| **All** | | {sum(q['level'] == 'fresher' for q in bank['questions'])} "
                    f"| {sum(q['level'] == 'experienced' for q in bank['questions'])} |")
        return "\n".join(rows)

    @env.macro
    def wrong_answers():
        """The audit's wrong claims as "Answer you'll still hear" callouts, by topic."""
        bank, wrong = data("bank"), data("wrong")
        page, out = env.page.file.src_uri, []
        for topic, meta in bank["topics"].items():
            items = [w for w in wrong if w["topic"] == topic]
            if items:
                out.append(f"## {meta['title']}\n")
                out += [_wrong(w, page) for w in items]
        return "\n".join(out)

    @env.macro
    def quiz():
        """Every question as a card: data attributes for quiz.js, the answer hidden."""
        bank = data("bank")
        page = env.page.file.src_uri
        cards = [_card(q, bank, page) for q in bank["questions"]]
        return "\n\n".join(cards)


def _load_bank():
    bank = yaml.safe_load((QUESTIONS / "bank.yml").read_text(encoding="utf-8"))
    for q in bank["questions"]:
        if q["topic"] not in bank["topics"] or q["level"] not in LEVELS:
            raise ValueError(f"bank.yml: {q['id']} has an unknown topic or level")
        if '"' in q["question"] or "{@" in q["answer"]:
            raise ValueError(f"bank.yml: {q['id']} has a double quote in its question or "
                             "a macro delimiter in its answer")
    return bank


def _topics(bank, topics):
    if topics is None:
        return list(bank["topics"])
    chosen = [topics] if isinstance(topics, str) else list(topics)
    unknown = set(chosen) - set(bank["topics"])
    if unknown:
        raise ValueError(f"question_bank: unknown topics {sorted(unknown)}")
    return chosen


def _link(target, page):
    """'routing/x.md#a' (relative to docs/) -> a link relative to the page's folder."""
    path, _, anchor = target.partition("#")
    rel = posixpath.relpath(path, posixpath.dirname(page) or ".")
    return rel + (f"#{anchor}" if anchor else "")


def _anchor(bank, q):
    return f"questions/{bank['topics'][q['topic']]['page']}#q-{q['id']}"


def _deeper(links, page):
    return " · ".join(f"[{label}]({_link(target, page)})" for label, target in links.items())


def _question(q, page):
    body = [q["answer"].strip() + f"\n{{: #q-{q['id']} }}"]
    if q.get("flask32"):
        body.append('!!! note "Flask 3.2"\n' + textwrap.indent(q["flask32"].strip(), "    "))
    body.append(f"**Go deeper:** {_deeper(q['deeper'], page)}")
    if q.get("also"):
        body.append("*Also asked as:* " + " · ".join(q["also"]))
    return f'??? question "{q["question"]}"\n' + textwrap.indent("\n\n".join(body), "    ") + "\n"


def _wrong(w, page):
    tests = ", ".join(f"`{t}`" for t in w["checked_by"])
    proof = " ".join(([f"Checked by {tests}."] if tests else [])
                     + ([f"Source: {w['source']}."] if w.get("source") else []))
    body = "\n\n".join([
        w["now"].strip(),
        f"**True since:** {w['since']}.",
        f"**Proof:** {_deeper(w['proof'], page)}. {proof}",
    ])
    title = f"Answer you'll still hear: “{w['said']}”"
    return (f'!!! failure "{title}"\n' + textwrap.indent(body, "    ") + "\n")


def _card(q, bank, page):
    qid, esc = q["id"], html.escape
    deeper = _deeper({"Read the full answer": _anchor(bank, q), **q["deeper"]}, page)
    topic = bank["topics"][q["topic"]]["title"]
    return "\n".join([
        f'<div class="ffg-quiz-card" id="quiz-{qid}" data-id="{qid}" data-level="{q["level"]}" '
        f'data-topic="{q["topic"]}" markdown>',
        '<div class="admonition question" markdown>',
        f'<p class="admonition-title" id="quiz-{qid}-q" markdown="span">{q["question"]}</p>',
        f"<p><small>{esc(topic)} · {LEVELS[q['level']]}</small></p>",
        f'<div class="ffg-quiz-answer" id="quiz-{qid}-answer" hidden markdown>',
        "",
        q["answer"].strip(),
        "",
        f"**Go deeper:** {deeper}",
        "",
        "</div>",
        '<p class="ffg-quiz-buttons">',
        f'<button type="button" class="md-button" data-quiz-action="reveal" aria-expanded="false" '
        f'aria-controls="quiz-{qid}-answer" aria-describedby="quiz-{qid}-q">Show answer</button>',
        f'<button type="button" class="md-button" data-quiz-action="known" aria-pressed="false" '
        f'aria-describedby="quiz-{qid}-q">I know this</button>',
        "</p>",
        "</div>",
        "</div>",
    ])
