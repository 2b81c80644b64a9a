/* The quiz of docs/questions/quiz.md.
 *
 * The page holds every question of the bank as a card (built by the `quiz` macro in
 * overrides/macros/questions.py), all of them hidden and stacked in one place (guide.css), so
 * nothing moves when this script starts. It shows one card at a time,
 * reveals answers on request and remembers, in localStorage, which questions the reader
 * marked as known. No request leaves the browser, so it works offline.
 *
 * Only the quiz page loads it (overrides/main.html).
 */
(function () {
  "use strict";

  var STORAGE_KEY = "ffg-quiz-known";

  function loadKnown() {
    try {
      var stored = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "[]");
      return new Set(Array.isArray(stored) ? stored : []);
    } catch (error) {
      return new Set(); // storage disabled or corrupt: the quiz still works, unremembered
    }
  }

  function saveKnown(known) {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(Array.from(known)));
    } catch (error) {
      /* storage full or disabled: nothing to do */
    }
  }

  function setUp(quiz) {
    if (quiz.dataset.quizReady) return;
    quiz.dataset.quizReady = "true";

    var cards = Array.prototype.slice.call(quiz.querySelectorAll(".ffg-quiz-card"));
    var controls = quiz.querySelector(".ffg-quiz-controls");
    var progress = quiz.querySelector(".ffg-quiz-progress");
    var level = quiz.querySelector("[data-quiz-filter='level']");
    var known = loadKnown();
    var current = null;

    function button(card, action) {
      return card.querySelector("[data-quiz-action='" + action + "']");
    }

    function showKnown(card) {
      var isKnown = known.has(card.dataset.id);
      var toggle = button(card, "known");
      card.dataset.known = String(isKnown);
      toggle.setAttribute("aria-pressed", String(isKnown));
      toggle.classList.toggle("md-button--primary", isKnown);
    }

    function hideAnswer(card) {
      card.querySelector(".ffg-quiz-answer").hidden = true;
      button(card, "reveal").setAttribute("aria-expanded", "false");
      button(card, "reveal").textContent = "Show answer";
    }

    function inFilter(card) {
      return level.value === "all" || card.dataset.level === level.value;
    }

    function updateProgress() {
      var pool = cards.filter(inFilter);
      var done = pool.filter(function (card) { return known.has(card.dataset.id); }).length;
      progress.textContent = "You know " + done + " of " + pool.length + " questions" +
        (level.value === "all" ? "." : " at this level.");
    }

    function show(card) {
      cards.forEach(function (other) { other.hidden = other !== card; });
      current = card;
      if (card) hideAnswer(card);
    }

    function next() {
      var pool = cards.filter(function (card) {
        return inFilter(card) && !known.has(card.dataset.id) && card !== current;
      });
      if (!pool.length && current && inFilter(current) && !known.has(current.dataset.id)) {
        pool = [current]; // the last unknown question of the level
      }
      if (!pool.length) {
        show(null);
        progress.textContent = "You marked every question here as known. " +
          "Choose another level, or forget what you marked to start again.";
        return;
      }
      show(pool[Math.floor(Math.random() * pool.length)]);
      updateProgress();
    }

    quiz.addEventListener("click", function (event) {
      var target = event.target.closest("[data-quiz-action]");
      if (!target) return;
      var card = target.closest(".ffg-quiz-card");
      var action = target.dataset.quizAction;
      if (action === "reveal") {
        var answer = card.querySelector(".ffg-quiz-answer");
        answer.hidden = !answer.hidden;
        target.setAttribute("aria-expanded", String(!answer.hidden));
        target.textContent = answer.hidden ? "Show answer" : "Hide answer";
      } else if (action === "known") {
        if (known.has(card.dataset.id)) known.delete(card.dataset.id);
        else known.add(card.dataset.id);
        saveKnown(known);
        showKnown(card);
        updateProgress();
      } else if (action === "next") {
        next();
      } else if (action === "reset") {
        known.clear();
        saveKnown(known);
        cards.forEach(showKnown);
        next();
      }
    });
    level.addEventListener("change", next);

    cards.forEach(showKnown);
    controls.hidden = false;
    next();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".ffg-quiz"), setUp);
  }

  // Only the quiz page loads this script, from its content (overrides/main.html), so it runs on
  // every visit, Material's instant navigation included.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
