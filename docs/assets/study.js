/* Study mode: spaced repetition over every question of the guide, and the progress lines.
 *
 * docs/questions/study.md holds every card (the `study` macro in overrides/macros/questions.py):
 * its question in one list, hidden; its answer and key points are in a script of the card's
 * chapter, assets/study/answers/<chapter>.js, which the build cuts out of the page (a first
 * visit loads the questions and one chapter's answers, not all of them). This script shows
 * one card at a time, reveals the answer on Space, and schedules the card again from the grade
 * (1-4) with FSRS, the algorithm Anki uses, computed by the ts-fsrs library (vendored by
 * scripts/vendor.py, loaded from the site's own origin). Home and chapter index pages carry a
 * `.ffg-progress` line (the `study_progress` macro); it is filled from the same store and the
 * pool's index, assets/study/cards.js, which the build writes.
 *
 * Progress is one localStorage entry, STORE_KEY, in the same shape an export file has:
 *
 *   {"format": "flask-field-guide-study", "version": 1, "exported": "<ISO date>",
 *    "cards": {"<card id>": {"due": "<ISO date>", "stability": 3.17, "difficulty": 5.3,
 *              "elapsed_days": 0, "scheduled_days": 3, "learning_steps": 0, "reps": 1,
 *              "lapses": 0, "state": 2, "last_review": "<ISO date>"}}}
 *
 * A card is the ts-fsrs Card with its dates as ISO strings; a card without an entry is new.
 * Nothing leaves the browser. Scripts load with <script> elements, not fetch(), so all of this
 * works from file:// in the offline zip too.
 */
(function () {
  "use strict";

  var STORE_KEY = "ffg-study";
  var FORMAT = "flask-field-guide-study";
  var VERSION = 1;
  var STATES = [0, 1, 2, 3]; // ts-fsrs State: New, Learning, Review, Relearning
  var NUMBERS = ["stability", "difficulty", "elapsed_days", "scheduled_days", "learning_steps",
                 "reps", "lapses"];
  var HERE = document.currentScript ? document.currentScript.src : "";
  var loading = {};

  /* ---- loading the library and the pool, by <script> (works from file://) ---- */

  function load(path, global) {
    if (window[global]) return Promise.resolve(window[global]);
    if (!loading[path]) {
      loading[path] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = new URL(path, HERE).href;
        script.onload = function () {
          if (window[global]) resolve(window[global]);
          else reject(new Error(path + " did not define " + global));
        };
        script.onerror = function () {
          delete loading[path];
          reject(new Error(path + " did not load"));
        };
        document.head.appendChild(script);
      });
    }
    return loading[path];
  }

  /* ---- the store: read, check, write ---- */

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function isDate(value) {
    return typeof value === "string" && value.length <= 40 && !isNaN(Date.parse(value));
  }

  /* Why `data` is not a progress file of this guide, or "" when it is one. */
  function problem(data) {
    if (!isObject(data) || data.format !== FORMAT) {
      return "This is not a progress file of the Flask Field Guide.";
    }
    if (data.version !== VERSION) {
      return "This progress file has version " + JSON.stringify(data.version) +
        "; this page reads version " + VERSION + ".";
    }
    if (!isObject(data.cards)) return "This progress file has no cards.";
    var ids = Object.keys(data.cards);
    for (var i = 0; i < ids.length; i++) {
      var card = data.cards[ids[i]];
      var bad = !isObject(card) || !isDate(card.due) || STATES.indexOf(card.state) < 0 ||
        (card.last_review !== undefined && card.last_review !== null && !isDate(card.last_review)) ||
        NUMBERS.some(function (name) {
          return typeof card[name] !== "number" || !isFinite(card[name]) || card[name] < 0;
        });
      if (bad || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(ids[i]) || ids[i].length > 200) {
        return "This progress file has a damaged entry for card " + JSON.stringify(ids[i].slice(0, 60)) + ".";
      }
    }
    return "";
  }

  function emptyStore() {
    return {format: FORMAT, version: VERSION, cards: {}};
  }

  function readStore() {
    try {
      var data = JSON.parse(window.localStorage.getItem(STORE_KEY) || "null");
      return data && !problem(data) ? data : emptyStore();
    } catch (error) {
      return emptyStore(); // storage disabled or damaged: study on, unremembered
    }
  }

  function writeStore(store) {
    try {
      window.localStorage.setItem(STORE_KEY, JSON.stringify(store));
      return true;
    } catch (error) {
      return false;
    }
  }

  /* ---- counts: the same rule on the study page and on the progress lines ---- */

  function endOfToday(now) {
    var end = new Date(now.getTime());
    end.setHours(24, 0, 0, 0);
    return end;
  }

  function count(cards, store, now) {
    var end = endOfToday(now).getTime();
    var counts = {due: 0, "new": 0, learned: 0};
    cards.forEach(function (card) {
      var saved = store.cards[card.id];
      if (!saved) counts["new"] += 1;
      else if (Date.parse(saved.due) <= end) counts.due += 1;
      else counts.learned += 1;
    });
    return counts;
  }

  function showCounts(element, counts) {
    Object.keys(counts).forEach(function (name) {
      var slot = element.querySelector("[data-count='" + name + "']");
      if (slot) slot.textContent = String(counts[name]);
    });
  }

  /* ---- ts-fsrs cards to and from the store ---- */

  function toCard(saved) {
    var card = {};
    Object.keys(saved).forEach(function (name) { card[name] = saved[name]; });
    card.due = new Date(saved.due);
    card.last_review = saved.last_review ? new Date(saved.last_review) : undefined;
    return card;
  }

  function fromCard(card) {
    var saved = {due: card.due.toISOString(), state: card.state};
    NUMBERS.forEach(function (name) { saved[name] = card[name] || 0; });
    if (card.last_review) saved.last_review = new Date(card.last_review).toISOString();
    return saved;
  }

  function interval(from, to) {
    var minutes = Math.max(1, Math.round((to - from) / 60000));
    if (minutes < 60) return minutes + " min";
    if (minutes < 60 * 24) return Math.round(minutes / 60) + " h";
    var days = Math.round(minutes / (60 * 24));
    if (days < 31) return days + " d";
    if (days < 365) return Math.round(days / 30) + " mo";
    return (days / 365).toFixed(1) + " y";
  }

  /* ---- the study page ---- */

  function setUpStudy(root) {
    if (root.studySetUp) return;
    root.studySetUp = true;

    // The scheduler is needed once an answer shows, not before: ts-fsrs loads on the reader's
    // first touch or focus in the study box (or the first reveal), not with the page.
    var FSRS = null, scheduler = null;
    function withScheduler() {
      return load("vendor/ts-fsrs/index.umd.js", "FSRS").then(function (library) {
        FSRS = library;
        scheduler = scheduler || FSRS.fsrs(FSRS.generatorParameters({}));
      });
    }
    ["pointerdown", "focusin"].forEach(function (name) {
      root.addEventListener(name, function () { withScheduler().catch(function () {}); }, {once: true});
    });
    var questions = Array.prototype.slice.call(root.querySelectorAll(".ffg-study-card"));
    var answersBox = root.querySelector(".ffg-study-answers");
    var answers = {}; // card id -> its answer element, once its chapter's answers have loaded
    var pool = questions.map(function (q) {
      return {id: q.dataset.id, chapter: q.dataset.chapter, level: q.dataset.level, element: q};
    });
    var status = root.querySelector(".ffg-study-status");
    var counts = root.querySelector(".ffg-study-counts");
    var reveal = root.querySelector("[data-study-action='reveal']");
    var grades = Array.prototype.slice.call(root.querySelectorAll("[data-study-action='grade']"));
    var chapter = root.querySelector("[data-study-filter='chapter']");
    var level = root.querySelector("[data-study-filter='level']");
    var message = root.querySelector(".ffg-study-message");
    var file = root.querySelector("[data-study-file]");
    var store = readStore();
    var current = null;

    var wanted = new URLSearchParams(window.location.search).get("chapter");
    if (wanted && chapter.querySelector("option[value='" + CSS.escape(wanted) + "']")) chapter.value = wanted;

    function chosen() {
      return pool.filter(function (card) {
        return (chapter.value === "all" || card.chapter === chapter.value) &&
          (level.value === "all" || card.level === level.value);
      });
    }

    function pick(now) {
      var cards = chosen();
      var byDue = function (a, b) {
        return Date.parse(store.cards[a.id].due) - Date.parse(store.cards[b.id].due);
      };
      var seen = cards.filter(function (card) { return store.cards[card.id]; }).sort(byDue);
      var dueNow = seen.filter(function (card) { return Date.parse(store.cards[card.id].due) <= now.getTime(); });
      if (dueNow.length) return dueNow[0];
      var fresh = cards.filter(function (card) { return !store.cards[card.id]; });
      if (fresh.length) return fresh[0];
      var today = seen.filter(function (card) {
        return Date.parse(store.cards[card.id].due) <= endOfToday(now).getTime();
      });
      return today[0] || null; // learning ahead: what is due later today
    }

    // The answers are not in the page: each chapter's are a script of their own, loaded when a
    // card of that chapter first comes up (overrides/macros/questions.py, write_answers).
    // Their address carries the build's version of them, so a page and its answers never mix
    // two builds.
    function answerOf(card) {
      var path = "study/answers/" + card.chapter + ".js?v=" + answersBox.dataset.version;
      return load(path, "FFG_STUDY_ANSWERS_" + card.chapter).then(function (chapterAnswers) {
        Object.keys(chapterAnswers).forEach(function (id) {
          if (answers[id]) return;
          answersBox.insertAdjacentHTML("beforeend", chapterAnswers[id]);
          answers[id] = answersBox.lastElementChild;
        });
        if (!answers[card.id]) throw new Error("no answer for " + card.id);
        return answers[card.id];
      });
    }

    function setRevealed(revealed) {
      var answer = current && answers[current.id];
      if (answer) answer.hidden = !revealed;
      reveal.disabled = !current || revealed;
      reveal.setAttribute("aria-expanded", String(revealed));
      grades.forEach(function (button) { button.disabled = !current || !revealed; });
    }

    function show() {
      var now = new Date();
      showCounts(counts, count(chosen(), store, now));
      if (current) {
        current.element.hidden = true;
        if (answers[current.id]) answers[current.id].hidden = true;
      }
      current = pick(now);
      status.hidden = Boolean(current);
      grades.forEach(function (button) { button.querySelector(".ffg-study-interval").textContent = ""; });
      if (current) {
        current.element.hidden = false;
        root.dataset.current = current.id;
        answerOf(current).then(function (answer) { // loading now, in the time it takes to answer
          Array.prototype.forEach.call(answer.querySelectorAll("input[type='checkbox']"),
            function (box) { box.checked = false; });
        }, function () { /* doReveal says so */ });
      } else {
        delete root.dataset.current;
        var later = chosen().filter(function (card) { return store.cards[card.id]; })
          .map(function (card) { return Date.parse(store.cards[card.id].due); });
        status.textContent = chosen().length === 0 ? "No card matches this chapter and level." :
          "Nothing is due today here. The next card is due on " +
          new Date(Math.min.apply(null, later)).toLocaleDateString() + ".";
      }
      setRevealed(false);
    }

    function doReveal() {
      if (!current || reveal.disabled) return;
      var card = current;
      Promise.all([answerOf(card), withScheduler()]).then(function () {
        if (current !== card) return;
        var now = new Date();
        var preview = scheduler.repeat(cardOf(current, now), now);
        grades.forEach(function (button) {
          var next = preview[Number(button.dataset.grade)].card.due;
          button.querySelector(".ffg-study-interval").textContent = interval(now, next);
        });
        setRevealed(true);
        var focus = document.activeElement;
        if (focus === reveal || focus === document.body || !root.contains(focus)) grades[2].focus();
      }, function () {
        if (current === card) message.textContent = "This card's answer or the scheduler " +
          "(ts-fsrs) did not load; reload the page to try again.";
      });
    }

    function cardOf(card, now) {
      var saved = store.cards[card.id];
      return saved ? toCard(saved) : FSRS.createEmptyCard(now);
    }

    function grade(rating) {
      if (!current || grades[0].disabled) return;
      var now = new Date();
      var record = scheduler.next(cardOf(current, now), now, rating);
      store.cards[current.id] = fromCard(record.card);
      if (!writeStore(store)) message.textContent = "Your browser refused to store the progress.";
      show();
      reveal.focus();
    }

    function exportProgress() {
      var data = {format: FORMAT, version: VERSION, exported: new Date().toISOString(), cards: store.cards};
      var url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 1)], {type: "application/json"}));
      var link = document.createElement("a");
      link.href = url;
      link.download = "flask-field-guide-progress-" + data.exported.slice(0, 10) + ".json";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
      message.textContent = "Exported the progress of " + Object.keys(store.cards).length + " cards.";
    }

    function importProgress(text) {
      var data, cards = {};
      try {
        data = JSON.parse(text);
      } catch (error) {
        message.textContent = "Not imported: this file is not JSON. Your progress is unchanged.";
        return;
      }
      var why = problem(data);
      if (why) {
        message.textContent = "Not imported: " + why + " Your progress is unchanged.";
        return;
      }
      Object.keys(data.cards).forEach(function (id) { cards[id] = fromCard(toCard(data.cards[id])); });
      var next = {format: FORMAT, version: VERSION, cards: cards}; // known fields only
      if (!writeStore(next)) {
        message.textContent = "Not imported: your browser refused to store it. Your progress is unchanged.";
        return;
      }
      store = next;
      message.textContent = "Imported the progress of " + Object.keys(store.cards).length + " cards.";
      show();
    }

    root.addEventListener("click", function (event) {
      var target = event.target.closest("[data-study-action]");
      if (!target || target.disabled) return;
      var action = target.dataset.studyAction;
      if (action === "reveal") doReveal();
      else if (action === "grade") grade(Number(target.dataset.grade));
      else if (action === "export") exportProgress();
      else if (action === "import") file.click();
    });
    file.addEventListener("change", function () {
      var chosenFile = file.files && file.files[0];
      if (!chosenFile) return;
      if (chosenFile.size > 5e6) {
        message.textContent = "Not imported: this file is far larger than any progress file. Your progress is unchanged.";
        file.value = "";
        return;
      }
      var reader = new FileReader();
      reader.onload = function () { importProgress(String(reader.result)); file.value = ""; };
      reader.onerror = function () { message.textContent = "Not imported: the file could not be read."; };
      reader.readAsText(chosenFile);
    });
    chapter.addEventListener("change", show);
    level.addEventListener("change", show);
    root.studyKey = function (event) {
      var target = event.target, tag = target.tagName;
      var box = tag === "INPUT" && target.type === "checkbox"; // a key point: digits still grade
      if ((tag === "INPUT" && !box) || tag === "SELECT" || tag === "TEXTAREA" || target.isContentEditable) return;
      if (event.key === " " && !box && !/^(BUTTON|A|SUMMARY|LABEL)$/.test(tag) && !reveal.disabled) {
        event.preventDefault();
        doReveal();
      } else if (/^[1-4]$/.test(event.key) && !grades[0].disabled) {
        event.preventDefault();
        grade(Number(event.key));
      }
    };
    show();
    root.dataset.studyReady = "true";
  }

  if (!window.ffgStudyKeys) { // once, however many times the script runs
    window.ffgStudyKeys = true;
    document.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      var root = document.querySelector(".ffg-study[data-study-ready]");
      if (root && root.studyKey) root.studyKey(event);
    });
  }

  /* ---- the progress lines of the home and chapter pages ---- */

  function fillProgress(line, pool) {
    var cards = pool.cards.filter(function (card) {
      return line.dataset.chapter === "all" || card.chapter === line.dataset.chapter;
    });
    showCounts(line, count(cards, readStore(), new Date()));
    line.dataset.ready = "true";
  }

  function init() {
    var studies = document.querySelectorAll(".ffg-study");
    if (studies.length) {
      Array.prototype.forEach.call(studies, setUpStudy);
    }
    var lines = document.querySelectorAll(".ffg-progress");
    if (lines.length) {
      load("study/cards.js", "FFG_STUDY_POOL").then(function (pool) {
        Array.prototype.forEach.call(lines, function (line) { fillProgress(line, pool); });
      }, function () { /* no pool: the line keeps its placeholder */ });
    }
  }

  // Only the pages with a study box or a progress line load this script, from their content
  // (overrides/main.html), so it runs on every visit, Material's instant navigation included.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
