"""The question macros: the bank, the answers you'll still hear, the quiz, the chapters'
self-check questions and the study page.

The data lives in docs/questions/bank.yml, docs/questions/wrong-answers.yml and
docs/questions/self-check/<chapter>.yml (kept out of the site by `exclude_docs`):

    {@ question_bank(["routing"]) @}          questions by level, then topic
    {@ question_index("fresher") @}           one line per question, linked
    {@ question_counts() @}                   a table: topics x levels
    {@ wrong_answers() @}                     the claims that still circulate, as callouts
    {@ quiz() @}                              cards for docs/assets/quiz.js
    {@ self_check("routing") @}               a chapter's self-check questions, folded
    {@ study() @}                             the study page: every card, hidden, for study.js
                                              (its answers then move to a script per chapter)
    {@ study_progress("routing") @}           learned / due / new for a chapter (or all)

All the questions together are the study pool: `cards()` lists them, one dict per card (id,
source, chapter, level, question, answer, read_more, key_points), and `self_check_cards(chapter)`
one chapter's self-check questions. After each build, `write_pool` writes the pool's index
(id, chapter, level) to assets/study/cards.js for the progress counts (a script, not JSON to
fetch: fetch() fails from file:// in the offline zip).

Links in the data are relative to docs/; they are rewritten relative to the page that renders
them, so the strict build checks them like any other. Titles go inside "..." in admonition
syntax and must not contain a double quote; answers must not contain the macro delimiters.
"""

import ast
import hashlib
import html
import json
import posixpath
import re
import textwrap
from pathlib import Path

from . import reading, records
from .data import read_yaml

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = ROOT / "docs" / "questions"
SELF_CHECK = QUESTIONS / "self-check"
LEVELS = {"fresher": "Fresher", "experienced": "Experienced"}
# The guide's chapters that end with a self-check page, and their titles (as in the nav).
CHAPTERS = {
    "foundations": "Foundations", "routing": "Routing", "requests": "Requests & responses",
    "templates": "Templates", "contexts": "Contexts", "lifecycle": "Lifecycle",
    "structure": "Application structure", "extensions": "Extensions", "security": "Security",
    "testing": "Testing", "deployment": "Deployment", "scaling": "Scaling",
}
# The chapter a bank topic belongs to, so a chapter's progress counts its bank questions too.
TOPIC_CHAPTER = {
    "general": "foundations", "configuration": "structure", "cli": "structure",
    "async": "scaling",
}
POOL_FILE = "assets/study/cards.js"
POOL_VERSION = 1
CARD_FIELDS = {"id", "level", "question", "answer", "read_more", "key_points"}
MARKDOWN_LINK = re.compile(r"\]\(([^)\s]+)\)")
ANSWERS_DIR = "assets/study/answers"
# The built study page's answers box (up to the box after it), and each answer in it; Markdown
# writes a tag's attributes in its own order.
STUDY_ANSWERS = re.compile(r'(<div (?=[^>]*class="ffg-study-answers")[^>]*>)(.*?)(</div>\s*<div class="ffg-study-transfer">)', re.S)
ANSWER_TAG = r'<div (?=[^>]*class="ffg-study-answer")'
STUDY_ANSWER = re.compile(ANSWER_TAG + r'(?=[^>]*data-id="([^"]+)").*?(?=' + ANSWER_TAG + r'|\Z)', re.S)


def define(env):
    """Add the question macros to mkdocs-macros' environment."""
    loaded = {}  # read on first use, once per build; a site without the chapter never reads it

    def data(name):
        if name not in loaded:
            loaded[name] = _load_bank() if name == "bank" else read_yaml(
                QUESTIONS / "wrong-answers.yml")["items"]
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
        # Hidden in the HTML and stacked in one cell (guide.css): quiz.js shows one, nothing moves.
        return '<div class="ffg-quiz-deck" markdown>\n\n' + "\n\n".join(cards) + "\n\n</div>"

    @env.macro
    def self_check(chapter):
        """A chapter's self-check questions as folds, their Try-it calls run as the page's own."""
        folds = "\n".join(_fold(card) for card in self_check_cards(chapter))
        # The reading time counts the questions, as when they were typed into the page.
        env.page.meta["reading_minutes"] = reading.minutes_for(
            records.SELF_CHECK_IN_PAGE.sub(lambda _: folds, env.markdown))
        return records.CALL_IN_PAGE.sub(_recorded_output, folds)

    def _recorded_output(match):
        node = ast.parse(match[1], mode="eval").body
        return env.macros[node.func.id](*[ast.literal_eval(a) for a in node.args],
                                        **{k.arg: ast.literal_eval(k.value) for k in node.keywords})

    @env.macro
    def study():
        """The study page's controls and every card of the pool, hidden, for docs/assets/study.js
        to show one at a time. Questions and answers sit in two lists with the buttons between
        them, so revealing an answer moves no button; every box the script fills is there, with
        its size, before it runs."""
        page, pool = env.page.file.src_uri, cards()
        options = "".join(f'<option value="{c}">{html.escape(t)}</option>' for c, t in CHAPTERS.items())
        grades = "".join(
            f'<button type="button" class="md-button" data-study-action="grade" data-grade="{n}" '
            f'aria-keyshortcuts="{n}" disabled>{name} <kbd>{n}</kbd>'
            f'<span class="ffg-study-interval" data-interval="{n}"></span></button>'
            for n, name in enumerate(["Again", "Hard", "Good", "Easy"], 1))
        return "\n".join([
            '<div class="ffg-study" data-pool-size="%d" markdown>' % len(pool),
            '<div class="ffg-study-bar">',
            '<label for="ffg-study-chapter">Chapter</label>',
            f'<select id="ffg-study-chapter" data-study-filter="chapter"><option value="all">All chapters</option>{options}</select>',
            '<label for="ffg-study-level">Level</label>',
            '<select id="ffg-study-level" data-study-filter="level"><option value="all">All levels</option>'
            '<option value="fresher">Fresher</option><option value="experienced">Experienced</option></select>',
            "</div>",
            '<p class="ffg-study-counts" aria-live="polite"><span data-count="due">0</span> due today · '
            '<span data-count="new">…</span> new · <span data-count="learned">0</span> learned</p>',
            '<div class="ffg-study-questions" markdown>',
            '<p class="ffg-study-status" role="status">Loading the cards…</p>',
            "\n\n".join(_study_question(card) for card in pool),
            "</div>",
            '<div class="ffg-study-actions">',
            '<button type="button" class="md-button md-button--primary" data-study-action="reveal" '
            'aria-keyshortcuts="Space" aria-expanded="false" disabled>Show answer <kbd>Space</kbd></button>',
            f'<span class="ffg-study-grades" role="group" aria-label="How well did you answer?">{grades}</span>',
            "</div>",
            '<div class="ffg-study-answers" aria-live="polite" markdown>',
            "\n\n".join(_study_answer(card, page) for card in pool),
            "</div>",
            '<div class="ffg-study-transfer">',
            '<button type="button" class="md-button" data-study-action="export">Export progress</button>',
            '<button type="button" class="md-button" data-study-action="import">Import progress</button>',
            '<input type="file" accept=".json,application/json" data-study-file hidden '
            'aria-label="Progress file to import">',
            '<p class="ffg-study-message" role="status" aria-live="polite"></p>',
            "</div>",
            "</div>",
        ])

    @env.macro
    def study_progress(chapter=None):
        """A line study.js fills with learned / due / new, from the same store as the study page.
        Its text is there before the script runs, so filling it in moves nothing."""
        if chapter is not None and chapter not in CHAPTERS:
            raise ValueError(f"study_progress: unknown chapter {chapter!r}")
        where = f"the {CHAPTERS[chapter]} chapter" if chapter else "the guide"
        link = _link("questions/study.md", env.page.file.src_uri)
        return (f'<p class="ffg-progress" data-chapter="{chapter or "all"}" markdown>'
                f'<span class="ffg-progress-counts" aria-live="polite">Study progress for {where}: '
                '<span data-count="learned">0</span> learned · <span data-count="due">0</span> due · '
                f'<span data-count="new">…</span> new</span> · [Study these]({link}'
                f'{"?chapter=" + chapter if chapter else ""})</p>')


def self_check_cards(chapter):
    """The self-check questions of one chapter, in page order: one dict per card (the fields
    of `cards()`). Raises ValueError on a malformed card."""
    if chapter not in CHAPTERS:
        raise ValueError(f"self_check_cards: unknown chapter {chapter!r}")
    path = SELF_CHECK / f"{chapter}.yml"
    out = []
    for card in read_yaml(path)["cards"]:
        where = f"{path.relative_to(ROOT)}: {card.get('id')}"
        if not set(card) <= CARD_FIELDS or not {"id", "level", "question", "answer", "read_more"} <= set(card):
            raise ValueError(f"{where}: a card has exactly the fields {sorted(CARD_FIELDS)}")
        if card["level"] not in LEVELS or len(card["read_more"]) != 1:
            raise ValueError(f"{where}: unknown level, or not one read_more link")
        if "\n" in card["question"] or "{@" in card["question"]:
            raise ValueError(f"{where}: a question is one line, without macro delimiters")
        _check_points(where, card)
        [(label, link)] = card["read_more"].items()
        out.append({"id": card["id"], "source": "self-check", "chapter": chapter,
                    "level": card["level"], "question": card["question"], "answer": card["answer"],
                    "read_more": (label, link), "key_points": card.get("key_points", [])})
    return out


def bank_cards():
    """The question bank as cards: its first "Go deeper" link is the card's "read more"."""
    bank = _load_bank()
    out = []
    for q in bank["questions"]:
        _check_points(f"bank.yml: {q['id']}", q)
        out.append({"id": q["id"], "source": "bank", "chapter": TOPIC_CHAPTER.get(q["topic"], q["topic"]),
                    "level": q["level"], "question": q["question"], "answer": q["answer"],
                    "read_more": next(iter(q["deeper"].items())), "key_points": q.get("key_points", [])})
    return out


def cards():
    """The study pool: every bank question, then each chapter's self-check questions."""
    pool = bank_cards() + [card for chapter in CHAPTERS for card in self_check_cards(chapter)]
    seen = set()
    for card in pool:
        if card["id"] in seen:
            raise ValueError(f"two cards have the id {card['id']!r}")
        seen.add(card["id"])
    return pool


def write_pool(site_dir):
    """assets/study/cards.js: the pool's index, as a script that sets a global (a site without
    the Questions chapter has no pool)."""
    if not (QUESTIONS / "bank.yml").exists():
        return
    index = [{"id": c["id"], "chapter": c["chapter"], "level": c["level"]} for c in cards()]
    pool = {"version": POOL_VERSION, "chapters": CHAPTERS, "cards": index}
    target = Path(site_dir) / POOL_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("/* The study pool, written by overrides/macros/questions.py: do not edit. */\n"
                      f"window.FFG_STUDY_POOL = {json.dumps(pool, separators=(',', ':'))};\n",
                      encoding="utf-8")


def write_answers(site_dir):
    """Cut the answers out of the built study page into one script per chapter,
    assets/study/answers/<chapter>.js, that study.js loads when a card of that chapter first
    comes up: a first visit carries every question but one chapter's answers. A page already cut
    (a `serve` rebuild that left it alone) is left as it is, and so are its scripts."""
    site = Path(site_dir)
    built = [p for p in (site / "questions/study/index.html", site / "questions/study.html") if p.exists()]
    if not built:
        return
    page = built[0].read_text(encoding="utf-8")
    box = STUDY_ANSWERS.search(page)
    if not box or not box.group(2).strip():
        return
    chapter_of = {card["id"]: card["chapter"] for card in cards()}
    by_chapter = {}
    for answer in STUDY_ANSWER.finditer(box.group(2)):
        by_chapter.setdefault(chapter_of[answer.group(1)], {})[answer.group(1)] = answer.group(0).strip()
    target = site / ANSWERS_DIR
    target.mkdir(parents=True, exist_ok=True)
    for chapter, answers in by_chapter.items():
        (target / f"{chapter}.js").write_text(
            "/* The study page's answers for one chapter, cut out of it by overrides/macros/questions.py. */\n"
            f"window[{json.dumps('FFG_STUDY_ANSWERS_' + chapter)}] = {json.dumps(answers)};\n", encoding="utf-8")
    # The scripts' version, which study.js puts in their address: a page never gets another build's.
    version = hashlib.sha256(box.group(2).encode("utf-8")).hexdigest()[:12]
    opening = box.group(1).replace("<div ", f'<div data-version="{version}" ', 1)
    built[0].write_text(page[:box.start(1)] + opening + "\n" + page[box.end(2):], encoding="utf-8")


def _check_points(where, card):
    points = card.get("key_points", [])
    if card["level"] == "experienced" and not 3 <= len(points) <= 5:
        raise ValueError(f"{where}: an experienced card needs 3-5 key_points")
    if card["level"] == "fresher" and points:
        raise ValueError(f"{where}: key_points are for experienced cards")


def _load_bank():
    bank = read_yaml(QUESTIONS / "bank.yml")
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
        f'data-topic="{q["topic"]}" hidden markdown>',
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


def _fold(card):
    return f'??? question "{card["question"]}"\n' + textwrap.indent(card["answer"].rstrip("\n"), "    ") + "\n"


def _prose(card, page):
    """The answer without its Try-it tabs (the chapter page shows those), links fixed for `page`."""
    text = card["answer"].split('\n=== "')[0].strip()
    if card["source"] != "self-check":
        return text
    base = f"{card['chapter']}/self-check.md"

    def relink(match):
        path, _, anchor = match[1].partition("#")
        target = posixpath.normpath(posixpath.join(card["chapter"], path)) if path else base
        return "](" + _link(target + (f"#{anchor}" if anchor else ""), page) + ")"
    return MARKDOWN_LINK.sub(relink, text)


def _inline(text):
    """A key point's Markdown (code spans only) as HTML."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(text, quote=False))


def _where(card):
    return (f"{CHAPTERS[card['chapter']]} · {LEVELS[card['level']]} · "
            + ("self-check" if card["source"] == "self-check" else "question bank"))


def _study_question(card):
    cid = card["id"]
    return "\n".join([
        f'<div class="ffg-study-card" id="study-{cid}" data-id="{cid}" data-chapter="{card["chapter"]}" '
        f'data-level="{card["level"]}" hidden markdown>',
        f'<p class="ffg-study-question" id="study-{cid}-q" markdown="span">{card["question"]}</p>',
        f'<p class="ffg-study-where"><small>{html.escape(_where(card))}</small></p>',
        "</div>",
    ])


def _study_answer(card, page):
    cid, label = card["id"], card["read_more"][0]
    points = ""
    if card["key_points"]:
        items = "".join(f'<li><label><input type="checkbox"> {_inline(p)}</label></li>'
                        for p in card["key_points"])
        points = (f'<p class="ffg-study-points-title" id="study-{cid}-points"><strong>Key points:</strong> '
                  f'tick the ones your answer had.</p>\n'
                  f'<ul class="ffg-study-points" aria-labelledby="study-{cid}-points">{items}</ul>')
    return "\n".join([
        f'<div class="ffg-study-answer" id="study-{cid}-answer" data-id="{cid}" hidden markdown>',
        "",
        _prose(card, page),
        "",
        points,
        "",
        f"**Read more:** [{label}]({_link(card['read_more'][1], page)})",
        "",
        "</div>",
    ])
